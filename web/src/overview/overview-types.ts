/** Wire shape of `GET /analytics/overview`, from the API's OpenAPI document. */
import type { components } from '../api/openapi';

type Schemas = components['schemas'];
export type OverviewDay = Schemas['AnalyticsOverviewDay'];
export type OverviewCurrency = Schemas['AnalyticsOverviewCurrency'];
export type Overview = Schemas['AnalyticsOverview'];
export type OverviewResponse = Schemas['AnalyticsOverviewResponse'];
