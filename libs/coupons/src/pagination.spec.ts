import { paginationMeta, parsePagination } from './pagination';

describe('parsePagination', () => {
  it('defaults to page 1 of 100', () => {
    expect(parsePagination({})).toEqual({ page: 1, perPage: 100, offset: 0 });
  });

  it('reads digit strings and integers', () => {
    expect(parsePagination({ page: '3', per_page: '20' })).toEqual({ page: 3, perPage: 20, offset: 40 });
    expect(parsePagination({ page: 2, per_page: 5 })).toEqual({ page: 2, perPage: 5, offset: 5 });
    expect(parsePagination({ page: '007', per_page: '010' })).toEqual({ page: 7, perPage: 10, offset: 60 });
  });

  it.each<[unknown]>([
    ['0'],
    ['-1'],
    [0],
    [-3],
    ['abc'],
    [''],
    [' 2'],
    ['2 '],
    ['+2'],
    ['2.0'],
    ['1e2'],
    ['0x10'],
    [2.5],
    [NaN],
    [Infinity],
    [['2']],
    [null],
    [true],
    [{}],
  ])('falls back to the defaults for %p', (value) => {
    expect(parsePagination({ page: value, per_page: value })).toEqual({ page: 1, perPage: 100, offset: 0 });
  });

  it('clamps per_page to 1000', () => {
    expect(parsePagination({ per_page: '1000' }).perPage).toBe(1000);
    expect(parsePagination({ per_page: '1001' }).perPage).toBe(1000);
    expect(parsePagination({ per_page: '99999999999999999999' }).perPage).toBe(1000);
    expect(parsePagination({ per_page: 1 }).perPage).toBe(1);
  });

  it('keeps huge pages but a safe offset', () => {
    const huge = parsePagination({ page: '99999999999999999999', per_page: '1000' });
    expect(huge.page).toBe(Number.MAX_SAFE_INTEGER);
    expect(huge.offset).toBe(Number.MAX_SAFE_INTEGER);
    expect(parsePagination({ page: '123456789012345678901' })).toEqual({ page: 1, perPage: 100, offset: 0 });
  });
});

describe('paginationMeta', () => {
  it.each<[number, number, number, unknown]>([
    [1, 100, 0, { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 }],
    [1, 10, 5, { current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 5 }],
    [1, 10, 10, { current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 10 }],
    [1, 10, 11, { current_page: 1, next_page: 2, prev_page: null, total_pages: 2, total_count: 11 }],
    [2, 10, 11, { current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 11 }],
    [2, 10, 30, { current_page: 2, next_page: 3, prev_page: 1, total_pages: 3, total_count: 30 }],
    [5, 10, 30, { current_page: 5, next_page: null, prev_page: null, total_pages: 3, total_count: 30 }],
  ])('page %i of %i per page with %i rows', (page, perPage, total, meta) => {
    expect(paginationMeta(page, perPage, total)).toEqual(meta);
  });
});
