// The one way the portal talks to the gateway: same-origin JSON with the session cookie and
// the X-CIM-Client header (the gateway's CSRF guard for cookie sessions). Accept-Language is the
// portal's language, so texts the server writes (notifications) match the page around them
// when the user has saved no language of their own.
import type { components } from './api/schema';
import i18n from './i18n';

export interface FieldViolation {
  field: string;
  description: string;
}

// An error answered by the gateway: gRPC code, message and any field violations.
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly fieldViolations: FieldViolation[],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  // The violation message for a request field, if any (e.g. "email").
  fieldError(field: string): string | undefined {
    return this.fieldViolations.find((v) => v.field === field)?.description;
  }
}

// The gateway's error body (the OpenAPI document's Error), with the google.rpc.BadRequest and
// google.rpc.LocalizedMessage details this client reads: the document leaves their shapes open.
type ErrorBody = Omit<components['schemas']['Error'], 'details'> & {
  details?: Array<{ '@type'?: string; fieldViolations?: FieldViolation[]; message?: string }>;
};

const kUnreachable = 'Cannot reach the portal. Check your connection and try again.';

// Turns a gateway answer (status and body text) into the parsed JSON or an ApiError.
function parseAnswer<T>(status: number, statusText: string, text: string): T {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    // Not our JSON (e.g. a proxy's error page): report the HTTP status instead.
    throw new ApiError(status, 14, `The portal answered unexpectedly (HTTP ${status}). Try again shortly.`, []);
  }
  if (status < 200 || status >= 300) {
    const err = json as ErrorBody;
    const violations = (err.details ?? []).flatMap((d) => d.fieldViolations ?? []);
    // The server's words in the reader's language, where it sent them.
    const localized = (err.details ?? []).find((d) => d['@type']?.endsWith('/google.rpc.LocalizedMessage'))?.message;
    throw new ApiError(
      status,
      err.code ?? 2,
      localized || err.message || statusText || `HTTP ${status}`,
      violations,
      err.requestId,
    );
  }
  return json as T;
}

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

// "?a=1&b=x" from the params that are set (undefined, null and '' are left out); arrays repeat
// the parameter, as the gateway reads repeated fields.
export function queryString(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'X-CIM-Client': 'web',
        ...(i18n.language ? { 'Accept-Language': i18n.language } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 14, kUnreachable, []);
  }
  return parseAnswer<T>(response.status, response.statusText, await response.text());
}

// FieldMask paths in their canonical JSON form, lowerCamelCase ("currency_code" →
// "currencyCode"), which every gRPC-JSON transcoder accepts; callers keep the proto paths that
// field violations name.
export function fieldMaskJson(paths: readonly string[]): string {
  return paths.map((path) => path.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())).join(',');
}

export const api = {
  get: <T>(path: string, params?: Record<string, QueryValue>) => apiRequest<T>('GET', path + queryString(params)),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown, updateMask?: string[]) =>
    apiRequest<T>('PATCH', path + queryString({ updateMask: updateMask && fieldMaskJson(updateMask) }), body),
};

// Uploads one file as multipart/form-data (the gateway streams it into a client-streaming RPC),
// reporting progress from 0 to 1. XMLHttpRequest, because fetch cannot report upload progress.
export function uploadFile<T>(
  path: string,
  file: File,
  fields: Record<string, string> = {},
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CIM-Client', 'web');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      try {
        resolve(parseAnswer<T>(xhr.status, xhr.statusText, xhr.responseText));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 14, kUnreachable, []));
    xhr.onabort = () => reject(new ApiError(0, 1, 'Upload cancelled', []));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
