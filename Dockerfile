# The dashboard alone; docker-compose.yml runs it next to three Kafka brokers.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# The server itself is PID 1 (the shell execs it), so `docker stop`'s SIGTERM reaches it and it
# shuts down cleanly: lab instances leave their groups. The heap cap is npm start's (README).
CMD ["sh", "-c", "exec node --max-old-space-size=${KAFKA_LIVE_HEAP_MB:-256} --import tsx server/index.ts"]
