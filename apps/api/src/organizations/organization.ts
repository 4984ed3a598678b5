export type ActorType = 'api_key' | 'user' | 'cli' | 'system';

/** Who made a change, as the activity log and the events show it. */
export interface Actor {
  type: ActorType;
  /** The API key's public id or the user's id; null for the CLI and the system. */
  id: string | null;
  name: string | null;
}

/**
 * The tenant an API key belongs to: every query of the API is scoped to one organization. A request's
 * organization also says who acts for it and under which request id, so that the use cases that record an
 * event know it without any request-scoped state; the CLI and background jobs name their own actor.
 */
export interface Organization {
  id: number;
  name: string;
  actor?: Actor;
  requestId?: string | null;
}

/** Background work (the expiry sweep, batch generation): no request, no person. */
export const systemActor = (name: string): Actor => ({ type: 'system', id: null, name });

/** An ops command; its name says which. */
export const cliActor = (command: string): Actor => ({ type: 'cli', id: null, name: command });

/** The organization as the named CLI command acts for it. */
export const actingAs = (organization: Organization, actor: Actor): Organization => ({ ...organization, actor, requestId: null });
