// Every logging category of Muster, declared in one place; enable with
// QT_LOGGING_RULES="muster.*=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient) // muster.client: the client connection
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // muster.http: the HTTP front and WebSocket upgrades
Q_DECLARE_LOGGING_CATEGORY(lcRpc) // muster.rpc: request dispatch and pushes
Q_DECLARE_LOGGING_CATEGORY(lcWire) // muster.wire: connections, frames, keep-alive, memory
Q_DECLARE_LOGGING_CATEGORY(lcDb) // muster.db: libpq connections and queries
Q_DECLARE_LOGGING_CATEGORY(lcCluster) // muster.cluster: the embedded PostgreSQL cluster
Q_DECLARE_LOGGING_CATEGORY(lcMigrate) // muster.migrate: schema migrations
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // muster.auth: sign-in, sessions, throttling
Q_DECLARE_LOGGING_CATEGORY(lcPresence) // muster.presence: states and online tracking
Q_DECLARE_LOGGING_CATEGORY(lcRelay) // muster.relay: pushes and presence between server processes
Q_DECLARE_LOGGING_CATEGORY(lcTimeclock) // muster.timeclock: events, kiosks, shifts, rewards
Q_DECLARE_LOGGING_CATEGORY(lcTelegram) // muster.telegram: the chat bot and the Bot API
Q_DECLARE_LOGGING_CATEGORY(lcApp) // muster.app: the desktop app
Q_DECLARE_LOGGING_CATEGORY(lcKiosk) // muster.kiosk: the kiosk: pairing, its outbox, sign-ins
