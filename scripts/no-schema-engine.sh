#!/bin/sh
# Prisma's CLI wants a native schema engine that it downloads from its own host; this machine is offline.
# Migrations are applied by libs/db (`npx vad db migrate`) and authored with `npm run db:migration`.
echo "the native Prisma schema engine is not used here: run 'npx vad db migrate' or 'npm run db:migration -- NAME'" >&2
exit 1
