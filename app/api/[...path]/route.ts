import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// Every address under /api that no endpoint has. Without this, Next answers such an address with
// the HTML not-found page, and takes a multipart POST to it for a form's server action: a body it
// cannot parse as a form then ends in a 500. Here every method gets the API's JSON 404 instead,
// and nothing is read from the request (the body is never parsed).
function noEndpoint(): Response {
  return errorResponse(new AppError("NOT_FOUND", "There is no API endpoint at this address. The endpoints are listed in /api/v1/openapi.json."));
}

export const dynamic = "force-dynamic";
export const GET = noEndpoint;
export const POST = noEndpoint;
export const PUT = noEndpoint;
export const PATCH = noEndpoint;
export const DELETE = noEndpoint;
