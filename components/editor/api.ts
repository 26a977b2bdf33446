// The browser side of the editor's route handlers: JSON in, JSON out, and the
// server's refusal (field errors, conflicts, duplicates) kept as data.

export interface FieldChange {
  field: string;
  was: unknown;
  now: unknown;
}

export interface ApiErrorBody {
  kind: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  changes?: FieldChange[];
  changedBy?: { label: string; at: string } | null;
  current?: { version: number; input: unknown };
  existing?: { id: string; href: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: ApiErrorBody } | null;
  if (!res.ok) {
    throw new ApiError(res.status, body?.error ?? { kind: "internal", message: `The server answered ${res.status}; nothing was saved.` });
  }
  return body as T;
}

const offline = () =>
  new ApiError(0, { kind: "offline", message: "The server could not be reached; nothing was saved. Check your connection and try again." });

export async function sendJson<T>(url: string, method: "POST" | "PUT", body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw offline();
  }
  return answer<T>(res);
}

export async function sendFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.set("file", file);
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", body: form });
  } catch {
    throw offline();
  }
  return answer<T>(res);
}
