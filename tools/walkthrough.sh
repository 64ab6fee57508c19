#!/usr/bin/env bash
# A first purchase with curl (README): an admin puts a show on sale, a fan buys two seats, staff
# scan a ticket twice. Needs curl (7.76 or later) and jq. Safe to run again against the same
# server: each run creates its own show and booking, and a fan already registered signs in.
# It stops at the first step that fails and shows the server's answer.
set -euo pipefail
API=${API:-http://localhost:3000}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@example.com}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-Kestrel-Orbit-Tangerine-41}
FAN_EMAIL=${FAN_EMAIL:-fan@example.com}
FAN_PASSWORD=${FAN_PASSWORD:-Violet-Harbour-Lantern-93}

# post PATH [JSON] [curl options…]: prints the answer; any status outside 2xx stops the walkthrough.
post() {
  local body json=()
  if [ -n "$2" ]; then json=(-H 'content-type: application/json' -d "$2"); fi
  body=$(curl -sS --fail-with-body -X POST "$API$1" ${json[@]+"${json[@]}"} "${@:3}") || { echo "POST $1 failed: $body" >&2; return 1; }
  echo "$body"
}
# status PATH JSON [curl options…]: prints "<body> <status>", for steps where a refusal is expected.
status() { curl -sS -X POST "$API$1" -H 'content-type: application/json' -d "$2" -w ' %{http_code}' "${@:3}"; }

echo '1. The admin signs in (created at start-up from ADMIN_EMAIL / ADMIN_PASSWORD)'
ADMIN=$(post /api/auth/login "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)

echo '2. ... creates a show (starting in 90 days) and puts it on sale'
STARTS_AT=$(jq -nr 'now + 90 * 86400 | todate')
SHOW=$(post /api/shows "{
  \"name\": \"Night Concert\", \"venue\": \"Arena\", \"startsAt\": \"$STARTS_AT\", \"currency\": \"EUR\",
  \"holdMinutes\": 10, \"maxSeatsPerBooking\": 8,
  \"categories\": [{ \"id\": \"vip\", \"name\": \"VIP\", \"price\": 12000 }, { \"id\": \"std\", \"name\": \"Standard\", \"price\": 4500 }],
  \"sections\": [{ \"id\": \"A\", \"name\": \"Stalls A\", \"categoryId\": \"vip\", \"rows\": [{ \"label\": \"1\", \"seats\": 20 }] }]
}" -H "authorization: Bearer $ADMIN" | jq -r .showId)
PUBLISHED=$(post "/api/shows/$SHOW/publish" '' -H "authorization: Bearer $ADMIN")
echo "$PUBLISHED" | jq -c .

echo '3. A fan registers (once: a second run finds the e-mail taken) and signs in'
REGISTERED=$(status /api/auth/register "{\"email\":\"$FAN_EMAIL\",\"password\":\"$FAN_PASSWORD\",\"displayName\":\"Fan\"}")
case ${REGISTERED##* } in
  201) echo "registered $FAN_EMAIL" ;;
  409) echo "$FAN_EMAIL is already registered" ;;
  *) echo "registering failed: $REGISTERED" >&2; exit 1 ;;
esac
FAN=$(post /api/auth/login "{\"email\":\"$FAN_EMAIL\",\"password\":\"$FAN_PASSWORD\"}" | jq -r .accessToken)

echo '4. ... browses the seats, holds two, and pays (a new Idempotency-Key for each purchase)'
# X-Min-Position: answer once the read models hold what the publish wrote (read your writes).
curl -sS --fail-with-body "$API/api/shows/$SHOW/seats?section=A" -H "X-Min-Position: $(echo "$PUBLISHED" | jq -r .position)" |
  jq -c '.seats[:2]'
BOOKING=$(post /api/bookings "{\"showId\":\"$SHOW\",\"seats\":[\"A-1-7\",\"A-1-8\"]}" \
  -H "authorization: Bearer $FAN" -H "Idempotency-Key: first-purchase-$SHOW" | jq -r .bookingId)
EXP_YEAR=$(( $(date -u +%Y) + 4 ))  # a card that has not expired, whenever this runs
PAID=$(post "/api/bookings/$BOOKING/payment" "{\"card\":{\"number\":\"4242 4242 4242 4242\",\"expMonth\":12,\"expYear\":$EXP_YEAR,\"cvc\":\"123\"}}" \
  -H "authorization: Bearer $FAN")
echo "$PAID" | jq -c '{bookingId, status, seats: [.tickets[].seatId]}'
CODE=$(echo "$PAID" | jq -r '.tickets[0].code')

echo '5. Staff (here the admin) scan the ticket at the gate: once'
CHECKED_IN=$(post /api/checkins "{\"code\":\"$CODE\"}" -H "authorization: Bearer $ADMIN")
echo "$CHECKED_IN" | jq -c '{seatId, checkedInAt}'
SECOND=$(status /api/checkins "{\"code\":\"$CODE\"}" -H "authorization: Bearer $ADMIN")
[ "${SECOND##* }" = 409 ] || { echo "the second scan should be refused, it answered: $SECOND" >&2; exit 1; }
echo "${SECOND% *}" | jq -c '{status, code}'
curl -sS --fail-with-body "$API/api/me/tickets" -H "authorization: Bearer $FAN" -H "X-Min-Position: $(echo "$CHECKED_IN" | jq -r .position)" |
  jq -c --arg show "$SHOW" '.items[] | select(.showId == $show) | {seatId, status}'
