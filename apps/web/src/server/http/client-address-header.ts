// Where the custom server (server/http/client-address.ts) puts the client's address for
// the app to read; anything a client sends under this name is overwritten.
export const CLIENT_ADDRESS_HEADER = "x-perflab-client-address";
