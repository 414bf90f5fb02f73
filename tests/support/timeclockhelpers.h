// Set-up shared by the time clock suites: people with badges, an active event, an approved
// kiosk, and times on the wire.
#pragma once

#include "testclient.h"
#include "testserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace Muster::Test {

QString wireTime(const QDateTime &time);
QString newActionId();

// A signed-in person of the organisation with a badge number (no badge when badge is empty).
QUuid createBadgeHolder(TestServer &server, const QString &login, const QString &organisation,
    Role role, const QString &badge);

// events.create through admin, active, from a day ago to three days ahead; the event's id.
QString createActiveEvent(TestClient &admin, const QString &name,
    const QString &timeZone = QStringLiteral("Europe/Berlin"));

// Registers `kiosk` (an open, anonymous connection), has `lead` approve it, and signs the kiosk
// in with its device token. Returns {kioskId, deviceToken}, or empty strings on failure.
struct PairedKiosk
{
    QString id;
    QString deviceToken;
};
PairedKiosk pairKiosk(TestClient &kiosk, TestClient &lead, const QString &name);

} // namespace Muster::Test
