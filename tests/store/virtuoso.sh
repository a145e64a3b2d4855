#!/usr/bin/env bash
# A scratch Virtuoso 7 (Debian virtuoso-opensource) on loopback, for the store
# tests and by hand:
#   virtuoso.sh start DIR   database, ini and log in DIR (created); prints "HTTP_PORT SQL_PORT"
#   virtuoso.sh isql DIR SQL  runs SQL as dba
#   virtuoso.sh stop DIR    stops the server started in DIR (by its pid file)
# Exit 77 (skipped) when virtuoso-t is not installed. Unused ports are picked
# by python3; both listen on 127.0.0.1 only (the stock ini listens on 0.0.0.0).
set -euo pipefail
cmd=${1:?start, isql or stop}
dir=${2:?directory}
case "$cmd" in
  start)
    command -v virtuoso-t >/dev/null || { echo "virtuoso-t not installed" >&2; exit 77; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    read -r http sql < <(/usr/bin/python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
    cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., $dir, /tmp, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
MaxQueryMem = 512M
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
INI
    (cd "$dir" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground \
      >"$dir/stdout.log" 2>&1) &
    echo $! > "$dir/pid"
    echo "$http $sql" > "$dir/ports"
    for _ in $(seq 1 120); do
      if /usr/bin/python3 - "$http" <<'PY' 2>/dev/null; then
import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/sparql?query=ASK%%7B%%7D" % sys.argv[1], timeout=2)
PY
        echo "$http $sql"
        exit 0
      fi
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || { cat "$dir/stdout.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "virtuoso did not answer on port $http within 60 s" >&2
    exit 1
    ;;
  isql)
    read -r http sql < "$dir/ports"
    isql-vt "127.0.0.1:$sql" dba dba exec="${3:?SQL}"
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      pid=$(cat "$dir/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
