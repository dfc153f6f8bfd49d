#!/usr/bin/env bash
# The CLI end to end: each command's output and exit code, and clear refusals of bad input.
#   test_cli.sh SHISAKU_BINARY PROJECT_ROOT
set -uo pipefail
bin="$1"; root="$2"
fixture="$root/tests/fixtures/good"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check NAME EXPECTED_EXIT PATTERN -- command...
  local name="$1" want="$2" pattern="$3"; shift 4
  local out rc
  out="$("$@" 2>&1)"; rc=$?
  if [[ $rc -ne $want ]]; then echo "FAIL $name: exit $rc, expected $want"; echo "$out" | head -5; failures=$((failures+1)); return; fi
  if ! grep -qE -- "$pattern" <<<"$out"; then echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -5; failures=$((failures+1)); return; fi
  echo "ok   $name"
}
echo '{"applicant": "municipality", "interests": ["migration"], "kaso": true}' > "$tmp/a.json"
echo '{"applicant": "municipality", "interests": ["all"], "kaso": true, "fiscal_index": 0.3}' > "$tmp/eligible.json"
check "evaluate json"        0 '"next_question"'         -- "$bin" evaluate --rules "$fixture" --answers "$tmp/a.json"
check "evaluate text ja"     0 '次の質問: 財政力指数は'   -- "$bin" evaluate --rules "$fixture" --answers "$tmp/a.json" --format text
check "evaluate text en"     0 'Next question'           -- "$bin" evaluate --rules "$fixture" --answers "$tmp/a.json" --format text --lang en
check "evaluate stdin"       0 '"status": "unknown"'     -- bash -c "echo '{}' | '$bin' evaluate --rules '$fixture' --answers -"
check "next"                 0 '"id": "fiscal_index"'    -- "$bin" next --rules "$fixture" --answers "$tmp/a.json"
check "next: its chapter"    0 '"id": "area"'            -- "$bin" next --rules "$fixture" --answers "$tmp/a.json"
check "next: what it decides" 0 '"name": "アルファ事業"'  -- "$bin" next --rules "$fixture" --answers "$tmp/a.json"
check "next --all"           0 '"id": "fiscal_index"'    -- "$bin" next --rules "$fixture" --answers "$tmp/a.json" --all
check "next when decided"    0 '^\[\]$'                 -- "$bin" next --rules "$fixture" --answers "$tmp/eligible.json"
check "next --amounts"       0 '"id": "stay_days"'       -- "$bin" next --rules "$fixture" --answers "$tmp/eligible.json" --amounts
check "evaluate: in scope"   0 '"in_scope": true'        -- "$bin" evaluate --rules "$fixture" --answers "$tmp/eligible.json"
check "evaluate: amounts"    0 '"amount_questions": \[$' -- "$bin" evaluate --rules "$fixture" --answers "$tmp/eligible.json"
check "bad interest"         2 'interests'               -- bash -c "echo '{\"applicant\": \"company\", \"interests\": [\"space\"]}' | '$bin' evaluate --rules '$fixture' --answers -"
check "bad gate answer"      2 'beta_plan'               -- bash -c "echo '{\"applicant\": \"company\", \"beta_plan\": \"maybe\"}' | '$bin' evaluate --rules '$fixture' --answers -"
check "validate ok"          0 '^ok: 2 programs'         -- "$bin" validate "$fixture" --seeds "$root/tests/fixtures/seeds"
cp -r "$fixture" "$tmp/with-warning" && cp "$root/tests/fixtures/bad/unused_question/questions/90-extra.json" "$tmp/with-warning/questions/"
check "validate strict"      1 'not used by any rule'    -- "$bin" validate "$tmp/with-warning" --seeds "$root/tests/fixtures/seeds" --strict
mkdir -p "$tmp/bad" && cp -r "$fixture"/. "$tmp/bad/" && cp -r "$root/tests/fixtures/bad/unknown_question/programs" "$tmp/bad/"
check "validate invalid"     1 'alpha.json at /conditions/1/logic/==/0/var: unknown question' -- "$bin" validate "$tmp/bad"
check "catalog json"         0 '"count": 2'              -- "$bin" catalog --rules "$fixture"
check "catalog csv"          0 '^"alpha","アルファ事業"' -- "$bin" catalog --rules "$fixture" --format csv
check "catalog md"           0 '## ベータ融資'            -- "$bin" catalog --rules "$fixture" --format md
check "catalog html"         0 '<h3>ベータ融資</h3>'      -- "$bin" catalog --rules "$fixture" --format html
check "catalog html en"      0 '<html lang="en">'        -- "$bin" catalog --rules "$fixture" --format html --lang en
check "catalog bad format"   2 'json, csv, md or html'   -- "$bin" catalog --rules "$fixture" --format pdf
check "logic"                0 '^\{"result":3\}$'        -- bash -c "echo '{\"rule\": {\"+\": [1, 2]}}' | '$bin' logic"
check "logic error"          0 '^\{"error":"NaN"\}$'     -- bash -c "echo '{\"rule\": {\"/\": [1, 0]}}' | '$bin' logic"
check "logic bad line"       0 '"error":"malformed JSON' -- bash -c "echo '{\"rule\": ' | '$bin' logic"
code="$("$bin" share --rules "$fixture" --answers "$tmp/a.json")"
check "share + decode"       0 '"kaso": true'            -- "$bin" decode "$code" --rules "$fixture"
check "decode tampered"      2 'share code refused'      -- "$bin" decode "${code%?}B" --rules "$fixture"
# Bad input: a message, exit 2, never a crash.
check "missing file"         2 'cannot read'             -- "$bin" evaluate --rules "$fixture" --answers "$tmp/none.json"
echo '{"applicant": ' > "$tmp/broken.json"
check "malformed answers"    2 'malformed JSON: parse error at line 2' -- "$bin" evaluate --rules "$fixture" --answers "$tmp/broken.json"
echo '{"kasoo": true}' > "$tmp/u.json"
check "unknown answer key"   2 'no question "kasoo"'     -- "$bin" evaluate --rules "$fixture" --answers "$tmp/u.json"
echo '{"kaso": "yes"}' > "$tmp/t.json"
check "wrong type"           2 '"kaso" takes true or false' -- "$bin" evaluate --rules "$fixture" --answers "$tmp/t.json"
echo '{"fiscal_index": 9}' > "$tmp/r.json"
check "out of range"         2 'out of range'            -- "$bin" evaluate --rules "$fixture" --answers "$tmp/r.json"
check "unknown command"      2 'unknown command'         -- "$bin" frobnicate
check "unknown option"       2 'unknown option'          -- "$bin" evaluate --frob
check "bad lang"             2 'ja or en'                -- "$bin" evaluate --rules "$fixture" --answers "$tmp/a.json" --lang fr
check "no rules dir"         2 'no rules directory'      -- "$bin" evaluate --rules "$tmp/nowhere" --answers "$tmp/a.json"
[[ $failures -eq 0 ]] || { echo "$failures CLI checks failed"; exit 1; }
