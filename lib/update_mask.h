// The one check every Update RPC makes of its update mask before reading anything: it names at
// least one field. Which fields a call takes is the proto's `(cim.v1.paths)`, which the RPC
// handler checks.
#ifndef CIM_LIB_UPDATE_MASK_H_
#define CIM_LIB_UPDATE_MASK_H_

#include <google/protobuf/field_mask.pb.h>

#include "lib/status_util.h"

namespace cim {

// Adds the violation "update_mask: name at least one field to update" when `mask` names none.
void RequireMaskPaths(const google::protobuf::FieldMask& mask, FieldErrors& errors);

}  // namespace cim

#endif  // CIM_LIB_UPDATE_MASK_H_
