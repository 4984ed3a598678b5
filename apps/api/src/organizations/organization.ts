/** The tenant an API key belongs to: every query of the API is scoped to one organization. */
export interface Organization {
  id: number;
  name: string;
}
