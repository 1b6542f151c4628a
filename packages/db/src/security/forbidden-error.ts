// Thrown by a data function when the actor may not do what it asked. Pages turn it into
// a 404/403; it never carries data the actor may not see.
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}
