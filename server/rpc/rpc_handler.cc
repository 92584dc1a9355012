#include "server/rpc/rpc_handler.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cim/v1/options.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

namespace cim {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The range google.protobuf.Timestamp and Duration define (timestamp.proto, duration.proto).
constexpr int64_t kMinTimestampSeconds = -62135596800;  // 0001-01-01T00:00:00Z
constexpr int64_t kMaxTimestampSeconds = 253402300799;  // 9999-12-31T23:59:59Z
constexpr int64_t kMaxDurationSeconds = 315576000000;   // 10,000 years
constexpr int32_t kMaxNanos = 999999999;

void CheckTimestamp(const google::protobuf::Timestamp& t, const std::string& path,
                    FieldErrors& errors) {
  if (t.seconds() < kMinTimestampSeconds || t.seconds() > kMaxTimestampSeconds || t.nanos() < 0 ||
      t.nanos() > kMaxNanos) {
    errors.Add(path, "a time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z");
  }
}

void CheckDuration(const google::protobuf::Duration& d, const std::string& path,
                   FieldErrors& errors) {
  const bool in_range = d.seconds() >= -kMaxDurationSeconds && d.seconds() <= kMaxDurationSeconds &&
                        d.nanos() >= -kMaxNanos && d.nanos() <= kMaxNanos;
  const bool same_sign =
      (d.seconds() >= 0 && d.nanos() >= 0) || (d.seconds() <= 0 && d.nanos() <= 0);
  if (!in_range || !same_sign) errors.Add(path, "a duration of at most 10,000 years");
}

void CheckMask(const google::protobuf::FieldMask& mask, const FieldDescriptor& field,
               const std::string& path, FieldErrors& errors) {
  std::vector<std::string> allowed;
  for (absl::string_view p :
       absl::StrSplit(field.options().GetExtension(cim::v1::paths), ',', absl::SkipEmpty())) {
    allowed.emplace_back(absl::StripAsciiWhitespace(p));
  }
  for (const std::string& p : mask.paths()) {
    if (std::find(allowed.begin(), allowed.end(), p) == allowed.end()) {
      errors.Add(path,
                 Phrase("error.not_updatable")
                     .Text("path", p)
                     .Text("allowed", allowed.empty() ? "none" : absl::StrJoin(allowed, ", ")));
    }
  }
}

void CheckMessage(const Message& message, const std::string& prefix, FieldErrors& errors);

void CheckValue(const Message& value, const FieldDescriptor& field, const std::string& path,
                FieldErrors& errors) {
  const std::string& type = field.message_type()->full_name();
  if (type == "google.protobuf.Timestamp") {
    CheckTimestamp(static_cast<const google::protobuf::Timestamp&>(value), path, errors);
  } else if (type == "google.protobuf.Duration") {
    CheckDuration(static_cast<const google::protobuf::Duration&>(value), path, errors);
  } else if (type == "google.protobuf.FieldMask") {
    CheckMask(static_cast<const google::protobuf::FieldMask&>(value), field, path, errors);
  } else {
    CheckMessage(value, absl::StrCat(path, "."), errors);
  }
}

void CheckMessage(const Message& message, const std::string& prefix, FieldErrors& errors) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const std::string path = absl::StrCat(prefix, field->name());
    if (!field->is_repeated()) {
      CheckValue(reflection->GetMessage(message, field), *field, path, errors);
      continue;
    }
    const int n = reflection->FieldSize(message, field);
    for (int i = 0; i < n; ++i) {
      const Message& item = reflection->GetRepeatedMessage(message, field, i);
      if (field->is_map()) {
        // A map entry: check its value (keys are never messages).
        const FieldDescriptor* value = field->message_type()->map_value();
        if (value->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
        CheckValue(item.GetReflection()->GetMessage(item, value), *value,
                   absl::StrCat(path, "[", i, "]"), errors);
      } else {
        CheckValue(item, *field, absl::StrCat(path, "[", i, "]"), errors);
      }
    }
  }
}

}  // namespace

void RenderPhrases(const Wording& reader, google::protobuf::Message& message) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!field->is_repeated()) {
        RenderPhrases(reader, *reflection->MutableMessage(&message, field));
        continue;
      }
      for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
        RenderPhrases(reader, *reflection->MutableRepeatedMessage(&message, field, i));
      }
    } else if (field->type() == FieldDescriptor::TYPE_STRING) {
      // An error text also translates plain English; any other text only renders phrases.
      const bool error_text = field->options().GetExtension(cim::v1::error_text);
      const auto words = [&](const std::string& text) -> std::optional<std::string> {
        if (error_text) return reader.Translate(text);
        if (IsPhrase(text)) return reader.Render(text);
        return std::nullopt;
      };
      if (!field->is_repeated()) {
        std::optional<std::string> text =
            words(reflection->GetStringReference(message, field, nullptr));
        if (text) reflection->SetString(&message, field, *std::move(text));
        continue;
      }
      for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
        std::optional<std::string> text =
            words(reflection->GetRepeatedStringReference(message, field, i, nullptr));
        if (text) reflection->SetRepeatedString(&message, field, i, *std::move(text));
      }
    }
  }
}

absl::Status CheckRequestFields(const google::protobuf::Message& request) {
  FieldErrors errors;
  CheckMessage(request, "", errors);
  return errors.ToStatus();
}

RpcHandler::RpcHandler(Authenticator& auth, absl::string_view service_full_name) : auth_(auth) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          std::string(service_full_name));
  if (service == nullptr) {
    std::cerr << "cim-server: no compiled service " << service_full_name << "\n";
    std::abort();
  }
  for (int i = 0; i < service->method_count(); ++i) {
    const google::protobuf::MethodDescriptor* method = service->method(i);
    methods_.insert(method->name());
    if (method->options().GetExtension(cim::v1::audited)) audited_.insert(method->name());
    if (method->options().GetExtension(cim::v1::before_two_step)) {
      before_two_step_.insert(method->name());
    }
  }
}

absl::Status RpcHandler::CheckTwoStepSetUp(const Principal& principal,
                                           absl::string_view method) const {
  if (!principal.two_step_setup_required || before_two_step_.contains(method)) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(
      "your role requires two-step sign-in: set it up before anything else");
}

bool RpcHandler::audited(absl::string_view method) const {
  return audited_.contains(method) || !methods_.contains(method);
}

}  // namespace cim
