// What the kiosk's Qt Quick tests stand on, exposed to them as "fixture": a real muster-server
// and database with an organisation ready for the time clock, a relay the tests cut to take the
// kiosk offline, and the kiosk itself (KioskApp), made fresh, or restarted on the same disk.
#pragma once

#include "kioskapp.h"
#include "tcprelay.h"
#include "testclient.h"
#include "testserver.h"

#include <QObject>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace Muster::Test {

class KioskFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Muster::KioskApp *kiosk READ kiosk NOTIFY kioskChanged)
    // Where screenshots go (MUSTER_SCREENSHOT_DIR), "" for none.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)
public:
    explicit KioskFixture(QObject *parent = nullptr);
    ~KioskFixture() override;

    // Starts the server and seeds the organisation; false with a warning when it failed.
    bool start();
    KioskApp *kiosk() const { return m_kiosk.get(); }
    static QString screenshotDir() { return qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); }

    // A new kiosk with an empty disk (it will ask to be paired). idleSeconds: its countdown.
    Q_INVOKABLE void freshKiosk(int idleSeconds = 60);
    // The same kiosk started again on the same disk, as after a power cut.
    Q_INVOKABLE void restartKiosk();
    // A lead approves this pairing code, as in the desktop app; the kiosk's id, "" on failure.
    Q_INVOKABLE QString approve(const QString &code, const QString &name);
    Q_INVOKABLE bool revoke(const QString &kioskId);
    // A quick code for the person, made as their Muster app makes it.
    Q_INVOKABLE QString quickCode(const QString &login);
    Q_INVOKABLE void cutConnection() { m_relay->cut(); }
    Q_INVOKABLE void restoreConnection() { m_relay->restore(); }
    // The person's entries in the active event, newest first, as the server holds them:
    // [{start, stop, teamName, offline, source, kioskName}] (times as milliseconds since 1970).
    Q_INVOKABLE QVariantList entriesOf(const QString &login);
    // Ends whatever shift the person is on (as a manager would), for a clean start.
    Q_INVOKABLE void stopShift(const QString &login);
    // What the kiosk's outbox holds, oldest first: [{kind, badge, at (ms since 1970), refused}].
    Q_INVOKABLE QVariantList queuedActions() const;
    // A clock-out taken offline 13 hours ago: older than the server accepts (stale_action).
    Q_INVOKABLE void queueStaleAction(const QString &badge);
    // A notice the day boundary would leave: the shift was stopped and must be acknowledged.
    Q_INVOKABLE void addAutoStopNotice(const QString &login);
    // The person clocked in `hoursAgo` and never out; the day boundary then stopped the shift.
    // Returns the shift's start + `workedHours` as the kiosk's keypad takes it ("0130"), in the
    // event's time zone; "" on failure.
    Q_INVOKABLE QString forgetClockOut(const QString &login, int hoursAgo, int workedHours);
    // "14:05": when the last forgotten shift began, as the event's clocks read it.
    Q_INVOKABLE QString forgottenStartClock() const { return m_forgottenStartClock; }
    // The person's correction requests as the server holds them: [{status, requestedStop (ms)}].
    Q_INVOKABLE QVariantList correctionsOf(const QString &login);

Q_SIGNALS:
    void kioskChanged();

private:
    void makeKiosk(int idleSeconds);
    QString userId(const QString &login);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TcpRelay> m_relay;
    TestClient m_admin;
    TestClient m_lead;
    std::unique_ptr<QTemporaryDir> m_disk;
    std::unique_ptr<KioskApp> m_kiosk;
    int m_idleSeconds = 60;
    QString m_forgottenStartClock;
};

} // namespace Muster::Test
