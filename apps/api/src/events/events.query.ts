import { Injectable } from '@nestjs/common';
import { addError, FieldErrors, hasErrors, PaginationMeta, paginationMeta, parseDateTime, parsePagination, isEventType } from '@coupons/domain';
import { invalid, Result, success } from '../common/result';
import type { EventEntity } from '../database/entities';
import type { ActorType } from '../organizations/organization';
import { EventFilters, EventsRepository } from './events.repository';

export interface EventListParams {
  page?: unknown;
  per_page?: unknown;
  type?: unknown;
  object_id?: unknown;
  actor_type?: unknown;
  actor_id?: unknown;
  request_id?: unknown;
  created_after?: unknown;
  created_before?: unknown;
}

const ACTOR_TYPES: readonly ActorType[] = ['api_key', 'user', 'cli', 'system'];

/**
 * The filters, each checked: an activity log answering a typo with every event would mislead, so a bad
 * value (an unknown type, a date without a zone, a repeated parameter) is a 422 on its field.
 */
function parseFilters(params: EventListParams): Result<EventFilters> {
  const errors: FieldErrors = {};
  const text = (field: keyof EventListParams): string | null => {
    const value = params[field];
    if (value === undefined) return null;
    if (typeof value === 'string' && value !== '') return value;
    addError(errors, field, 'value_is_invalid');
    return null;
  };
  const date = (field: keyof EventListParams): Date | null => {
    const value = params[field];
    if (value === undefined) return null;
    const parsed = parseDateTime(value);
    if (parsed === null) addError(errors, field, 'invalid_date');
    return parsed;
  };
  const filters: EventFilters = {
    type: text('type'),
    objectId: text('object_id'),
    actorType: text('actor_type') as ActorType | null,
    actorId: text('actor_id'),
    requestId: text('request_id'),
    createdAfter: date('created_after'),
    createdBefore: date('created_before'),
  };
  if (filters.type !== null && !isEventType(filters.type)) addError(errors, 'type', 'value_is_invalid');
  if (filters.actorType !== null && !ACTOR_TYPES.includes(filters.actorType)) addError(errors, 'actor_type', 'value_is_invalid');
  return hasErrors(errors) ? invalid(errors) : success(filters);
}

/** GET /events, the activity log: newest first, filtered by type, object, actor, request and time, with Lago's `meta`. */
@Injectable()
export class EventsQuery {
  constructor(private readonly events: EventsRepository) {}

  async call(organizationId: number, params: EventListParams): Promise<Result<{ events: EventEntity[]; meta: PaginationMeta }>> {
    const filters = parseFilters(params);
    if (!filters.ok) return filters;
    const pagination = parsePagination(params);
    const { rows, totalCount } = await this.events.page(organizationId, filters.value, pagination);
    return success({ events: rows, meta: paginationMeta(pagination.page, pagination.perPage, totalCount) });
  }
}
