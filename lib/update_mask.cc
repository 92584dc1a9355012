#include "lib/update_mask.h"

namespace cim {

void RequireMaskPaths(const google::protobuf::FieldMask& mask, FieldErrors& errors) {
  if (mask.paths().empty()) errors.Add("update_mask", "name at least one field to update");
}

}  // namespace cim
