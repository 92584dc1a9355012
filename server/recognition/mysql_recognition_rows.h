// The recognition store's rows (badges, leaderboards, scores, points, badge facts and awards)
// as the store and its projection both read them. Only the recognition store includes it.
#ifndef CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_ROWS_H_
#define CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_ROWS_H_

#include <soci/soci.h>

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"
#include "server/db/mysql_database.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

// The points earned (net of corrections) by the ledger entries whose `column` (user_id or
// partner_id) is `id`: lifetime points. Points spent in the rewards store (and given back by a
// cancelled order) are not earnings: spending never lowers a level.
absl::StatusOr<Decimal> SumPoints(soci::session& s, absl::string_view column, int64_t id);

// The select list of leaderboard_scores that ScoreFromRow reads.
inline constexpr char kScoreColumns[] =
    "board_id, CAST(period_start AS CHAR) AS period_start, participant_id, partner_id,"
    " CAST(score * 10000 AS SIGNED) AS score_e4, " CIM_MICROS_OF("reached_at") " AS reached_micros,"
    " seq";
absl::StatusOr<ScoreRow> ScoreFromRow(const soci::row& r);

// Badges by id after `after_id`, at most `limit`; archived ones only if `include_archived`.
absl::StatusOr<std::vector<cim::v1::Badge>> ReadBadges(soci::session& s, int64_t after_id,
                                                       int limit, bool include_archived);
// One badge; NOT_FOUND if none has `id`.
absl::StatusOr<cim::v1::Badge> ReadBadge(soci::session& s, int64_t id);

// The select list of leaderboards that BoardFromRow reads.
inline constexpr char kBoardColumns[] =
    "id, name, program_id, metric, currency_code, scope, period, created_at, archived, version";
cim::v1::Leaderboard BoardFromRow(const soci::row& r);
// One board; NOT_FOUND if none has `id`.
absl::StatusOr<cim::v1::Leaderboard> ReadBoard(soci::session& s, int64_t id);
// The leaderboards of `program_id` (every board for 0), archived ones included.
std::vector<cim::v1::Leaderboard> ReadBoards(soci::session& s, int64_t program_id);

// The facts badge criteria are judged on, for each user in `users`.
absl::StatusOr<absl::flat_hash_map<int64_t, RecognitionFacts>> ReadFactsOf(
    soci::session& s, const std::vector<int64_t>& users, absl::Time now);

// The badges each user in `users` earned, by badge id.
absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>> ReadAwardsOf(
    soci::session& s, const std::vector<int64_t>& users);

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_ROWS_H_
