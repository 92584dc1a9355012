-- For load tests and benchmarks on the demo data: a program the demo rep
-- (rosa.larsen@amstel.example) can claim in today, with the most budget left, and its cheapest
-- eligible product: "program_id currency sku list_price". Used by
-- tests/cluster/backup_restore_test.sh and bench/run_cluster_bench.sh.
SELECT p.id, p.currency_code, pr.sku, CAST(pr.list_price AS CHAR)
FROM users u
JOIN enrollments e ON e.partner_id = u.partner_id
JOIN programs p ON p.id = e.program_id
JOIN products pr ON pr.status = 1 AND pr.currency_code = p.currency_code AND pr.list_price > 0
WHERE u.email = 'rosa.larsen@amstel.example' AND p.status = 2
  AND UTC_DATE() BETWEEN p.start_date AND p.end_date
  AND (IFNULL(JSON_LENGTH(p.design_json, '$.eligible_skus'), 0) = 0
       OR JSON_CONTAINS(JSON_EXTRACT(p.design_json, '$.eligible_skus'), JSON_QUOTE(pr.sku)))
ORDER BY p.budget - (SELECT SUM(drawn) FROM program_budget_slices s WHERE s.program_id = p.id)
  DESC, pr.list_price, pr.sku
LIMIT 1;
