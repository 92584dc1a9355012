// The one way the portal talks to the gateway: same-origin JSON with the session cookie and
// the X-CIM-Client header (the gateway's CSRF guard for cookie sessions).

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

interface ErrorBody {
  code?: number;
  message?: string;
  requestId?: string;
  details?: Array<{ '@type'?: string; fieldViolations?: FieldViolation[] }>;
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
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 14, 'Cannot reach the portal. Check your connection and try again.', []);
  }
  const text = await response.text();
  let json: unknown = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    // Not our JSON (e.g. a proxy's error page): report the HTTP status instead.
    throw new ApiError(response.status, 14, `The portal answered unexpectedly (HTTP ${response.status}). Try again shortly.`, []);
  }
  if (!response.ok) {
    const err = json as ErrorBody;
    const violations = (err.details ?? []).flatMap((d) => d.fieldViolations ?? []);
    throw new ApiError(
      response.status,
      err.code ?? 2,
      err.message || response.statusText || `HTTP ${response.status}`,
      violations,
      err.requestId,
    );
  }
  return json as T;
}
