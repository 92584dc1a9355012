// An OpenAPI 3 document of the HTTP API, generated from the routes (and so from the protos'
// google.api.http annotations) and the messages' canonical JSON mapping: paths, parameters,
// request and response schemas, the error body, and the two ways to authenticate. Mobile teams
// generate clients from it; the gateway serves it at /openapi.json.
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_OPENAPI_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_OPENAPI_H_

#include <string>

#include "portal-gateway/transcode/route_table.h"

namespace cim::gateway {

// The document as JSON text. Custom-verb routes (no OpenAPI method) are left out. Routes whose
// paths differ only in variable names share one path (the first route's names), as OpenAPI
// requires.
std::string OpenApiDocument(const RouteTable& routes);

// A route's path in OpenAPI form: each variable as "{field.path}" ("{name=shelves/*}" becomes
// "{name}"), the rest as written.
std::string OpenApiPath(const std::string& template_text);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_OPENAPI_H_
