#!/bin/sh
# Starts the infrastructure server of this image ($KIND) on its usual port,
# its data in /data (a volume).
set -eu
case "$KIND" in
  postgres)
    pgbin=/usr/lib/postgresql/15/bin
    if [ ! -s /data/PG_VERSION ]; then
      : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
      printf '%s' "$POSTGRES_PASSWORD" >/tmp/password
      "$pgbin/initdb" -D /data -U "${POSTGRES_USER:-shop}" --auth-local=trust --auth-host=scram-sha-256 --pwfile=/tmp/password
      rm -f /tmp/password
      "$pgbin/pg_ctl" -D /data -o "-c listen_addresses='' -k /tmp" -w start
      for database in ${POSTGRES_DATABASES:-}; do
        "$pgbin/psql" -h /tmp -U "${POSTGRES_USER:-shop}" -d postgres -v ON_ERROR_STOP=1 \
          -c "CREATE DATABASE \"$database\""
      done
      "$pgbin/pg_ctl" -D /data -m fast -w stop
      echo "host all all all scram-sha-256" >>/data/pg_hba.conf
    fi
    exec "$pgbin/postgres" -D /data -c listen_addresses='*' -k /tmp
    ;;
  redis) exec redis-server --port 6379 --bind 0.0.0.0 --dir /data --appendonly yes --protected-mode no ;;
  nats) exec nats-server -p 4222 -m 8222 -js -sd /data ;;
  # s3rver takes the keys S3RVER / S3RVER and no others. Without
  # --no-vhost-buckets it reads a host name that is not an address or
  # localhost (the service name "s3") as the bucket, CNAME style, and
  # answers NoSuchBucket to path-style requests.
  s3) exec node /opt/s3/node_modules/s3rver/bin/s3rver.js --directory /data --address 0.0.0.0 \
    --port 9000 --no-vhost-buckets --configure-bucket "${S3_BUCKET:-shop-images}" ;;
esac
