#include "lib/audit_scope.h"

#include <utility>

namespace cim {
namespace {

thread_local AuditScope* current_scope = nullptr;

}  // namespace

AuditScope::AuditScope(AuditActor actor) : actor_(std::move(actor)), outer_(current_scope) {
  current_scope = this;
}

AuditScope::~AuditScope() { current_scope = outer_; }

AuditScope* AuditScope::Current() { return current_scope; }

std::optional<AuditActor> AuditScope::CurrentActor() {
  if (current_scope == nullptr) return std::nullopt;
  return current_scope->actor_;
}

}  // namespace cim
