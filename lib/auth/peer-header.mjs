// Shared by the production server (lib/cli/http-server.mjs, plain JavaScript) and the app
// (lib/auth/client-address.ts): the request header that carries the address of the connection a
// request came on. The server sets it on every request, replacing any value a client sent.
export const PEER_HEADER = "x-casefile-peer";
