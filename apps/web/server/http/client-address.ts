// The client's address for sign-in throttling. Next's request objects do not expose the
// socket, so the custom server writes it into a header before Next sees the request,
// overwriting anything the client sent under that name.
import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../../src/server/http/client-address-header";

export function stampClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  const forwarded = request.headers["x-forwarded-for"];
  const fromProxy = trustProxy && typeof forwarded === "string" ? forwarded.split(",")[0]!.trim() : "";
  const address = fromProxy || request.socket.remoteAddress || "";
  request.headers[CLIENT_ADDRESS_HEADER] = address.replace(/^::ffff:/, "");
}
