/** A thin fetch wrapper for the suites: every call returns status, parsed JSON body and headers. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string | null,
  ) {}

  withKey(apiKey: string | null): ApiClient {
    return new ApiClient(this.baseUrl, apiKey);
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('GET', path);
  }

  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, headers);
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('PUT', path, body);
  }

  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('PATCH', path, body);
  }

  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('DELETE', path);
  }

  /** `body` as a string is sent verbatim (malformed JSON tests); anything else is JSON-encoded. */
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const allHeaders = init.headers as Record<string, string>;
    if (this.apiKey !== null) allHeaders.authorization = `Bearer ${this.apiKey}`;
    if (body !== undefined) {
      allHeaders['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON bodies (HTML of the dashboard) stay text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
