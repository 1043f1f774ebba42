# wait_healthy NAME PID URL LOG SECONDS: wait until URL answers; stop with the end of LOG when the process
# dies or the time runs out.
wait_healthy() {
  local name=$1 pid=$2 url=$3 log=$4 seconds=$5
  local deadline=$((SECONDS + seconds))
  until curl -fs --max-time 5 "$url" > /dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log"; echo "The $name exited before it became healthy (log: $log)." >&2; exit 1
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$log"; echo "The $name did not become healthy within $seconds s (log: $log)." >&2; exit 1
    fi
    sleep 0.5
  done
}
