#include "server/demo/demo_performance.h"

#include <vector>

#include "lib/dates.h"
#include "lib/status_util.h"

namespace cim {
namespace {

struct DemoCost {
  cim::v1::ProgramCostCategory category;
  const char* amount;
  const char* description;
  int days_after_start;
};

// The spend behind a program, scaled to its budget: a tenth of it as fixed costs.
std::vector<DemoCost> CostsFor(const cim::v1::Program& program) {
  if (program.rules_size() > 0 && program.rules(0).has_spif()) {
    return {{cim::v1::PROGRAM_COST_CATEGORY_MARKETING, "2500", "Campus SPIF launch mailing", 0},
            {cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "800", "Claim review hours", 45}};
  }
  return {{cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "4500", "Program management (agency fee)", 0},
          {cim::v1::PROGRAM_COST_CATEGORY_MARKETING, "12000", "Launch campaign and webinars", 10},
          {cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "3000", "Partner sales training days", 30},
          {cim::v1::PROGRAM_COST_CATEGORY_MARKETING, "6000", "Spring trade show stand", 75}};
}

}  // namespace

absl::StatusOr<int> LoadDemoProgramCosts(PerformanceRepository& performance,
                                         ProgramRepository& programs, int64_t program_admin_id,
                                         absl::Time today) {
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Program> all,
                       programs.List(ProgramFilter{.exclude_drafts = true}, 0, 100));
  const absl::CivilDay day = DayOf(today);
  int entered = 0;
  for (const cim::v1::Program& program : all) {
    CIM_ASSIGN_OR_RETURN(const absl::CivilDay start, ParseDate(program.start_date()));
    CIM_ASSIGN_OR_RETURN(const absl::CivilDay end, ParseDate(program.end_date()));
    for (const DemoCost& c : CostsFor(program)) {
      const absl::CivilDay on = start + c.days_after_start;
      if (on > day || on > end) continue;
      cim::v1::ProgramCost cost;
      cost.set_program_id(program.id());
      cost.set_category(c.category);
      cost.set_amount(c.amount);
      cost.set_description(c.description);
      cost.set_incurred_on(FormatDate(on));
      CIM_RETURN_IF_ERROR(performance.InsertCost(cost, program_admin_id, today).status());
      ++entered;
    }
  }
  return entered;
}

}  // namespace cim
