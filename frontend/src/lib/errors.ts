// Every failed call to Go ends here. Go's ErrorFormatter sends
// {code, message, fix}; anything else (a string, an Error) is shown as it is.
export interface AppError {
  code: string;
  message: string;
  fix: string;
}

export function toAppError(err: unknown): AppError {
  if (err && typeof err === "object" && "message" in err) {
    const e = err as { code?: unknown; message?: unknown; fix?: unknown };
    return {
      code: typeof e.code === "string" ? e.code : "internal",
      message: String(e.message ?? "Something went wrong"),
      fix: typeof e.fix === "string" ? e.fix : "",
    };
  }
  if (typeof err === "string") {
    // Wails passes a JSON string through when the formatter result is an object in some versions.
    try {
      const parsed: unknown = JSON.parse(err);
      if (parsed && typeof parsed === "object") return toAppError(parsed);
    } catch {
      /* not JSON: a plain message */
    }
    return { code: "internal", message: err, fix: "" };
  }
  return { code: "internal", message: "Something went wrong", fix: "" };
}
