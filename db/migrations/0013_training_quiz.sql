-- Issue 7: portal quizzes. A module's questions, options and correct answers are one document
-- owned by the module (never queried apart from it), stored as protobuf JSON
-- ({"quiz_questions": [...]}, server/common/proto_json.h) so the module's audit snapshot
-- includes them. Empty: no portal quiz.
ALTER TABLE training_modules ADD COLUMN IF NOT EXISTS quiz_json MEDIUMTEXT NOT NULL DEFAULT '';
