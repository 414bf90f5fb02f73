// Definitions for util/logging.h. Info and above are on by default.
#include "logging.h"

Q_LOGGING_CATEGORY(lcClient, "muster.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "muster.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRpc, "muster.rpc", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWire, "muster.wire", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "muster.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCluster, "muster.cluster", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrate, "muster.migrate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "muster.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPresence, "muster.presence", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRelay, "muster.relay", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTimeclock, "muster.timeclock", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTelegram, "muster.telegram", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "muster.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKiosk, "muster.kiosk", QtInfoMsg)
