// See kioskfixture.h.
#include "kioskfixture.h"

#include "timeclock/dayboundaryservice.h"
#include "timeclockhelpers.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUrl>

namespace Muster::Test {

namespace {

struct Seeded
{
    const char *login;
    Role role;
    const char *badge;
    const char *pin;
};

// Volunteers with badges and PINs, and a lead for the operator menu.
constexpr Seeded kPeople[] = {
    {"vic", Role::Volunteer, "1001", "4711"},
    {"val", Role::Volunteer, "1002", "2468"},
    {"vera", Role::Volunteer, "1003", "1357"},
    {"lee", Role::Lead, "2001", "9999"},
};

} // namespace

KioskFixture::KioskFixture(QObject *parent)
    : QObject(parent)
{ }

KioskFixture::~KioskFixture()
{
    m_kiosk.reset();
}

bool KioskFixture::start()
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->start()) {
        qWarning() << "server:" << m_server->errorMessage();
        return false;
    }
    m_server->createOrganisation(QStringLiteral("Acme Con"));
    m_server->createUser(QStringLiteral("ada"), QStringLiteral("Acme Con"), Role::Admin);
    for (const Seeded &p : kPeople) {
        createBadgeHolder(*m_server, QString::fromLatin1(p.login), QStringLiteral("Acme Con"),
            p.role, QString::fromLatin1(p.badge));
        TestClient person;
        if (!person.signIn(m_server->wsUrl(), QString::fromLatin1(p.login))
            || !person
                    .call(QStringLiteral("profile.setPin"),
                        {{QStringLiteral("pin"), QString::fromLatin1(p.pin)}})
                    .contains(QStringLiteral("result")))
            return false;
    }
    if (!m_admin.signIn(m_server->wsUrl(), QStringLiteral("ada"))
        || !m_lead.signIn(m_server->wsUrl(), QStringLiteral("lee")))
        return false;
    if (createActiveEvent(m_admin, QStringLiteral("Acme Con 2026")).isEmpty())
        return false;
    for (const char *team : {"Info desk", "Stage crew", "Kitchen"}) {
        m_admin.call(
            QStringLiteral("teams.create"), {{QStringLiteral("name"), QString::fromLatin1(team)}});
    }
    m_admin.call(QStringLiteral("teams.create"),
        {{QStringLiteral("name"), QStringLiteral("Security")}, {QStringLiteral("hidden"), true}});
    m_admin.call(QStringLiteral("rewards.create"),
        {{QStringLiteral("name"), QStringLiteral("T-shirt")},
            {QStringLiteral("thresholdHours"), 4}});
    m_relay = std::make_unique<TcpRelay>(m_server->wsUrl().port());
    return m_relay->listen();
}

void KioskFixture::makeKiosk(int idleSeconds)
{
    KioskApp::Options options;
    QUrl url = m_server->wsUrl();
    url.setPort(m_relay->port());
    options.server = url;
    options.dataDirectory = m_disk->path();
    options.useKeychain = false;
    options.idleSeconds = idleSeconds;
    options.longestRetry = std::chrono::seconds(1);
    auto kiosk = std::make_unique<KioskApp>(options);
    kiosk->pairing()->setRetryInterval(std::chrono::milliseconds(500));
    if (!kiosk->start())
        qWarning() << "kiosk:" << kiosk->errorString();
    // The screens switch to the new kiosk before the old one goes.
    std::unique_ptr<KioskApp> old = std::move(m_kiosk);
    m_kiosk = std::move(kiosk);
    Q_EMIT kioskChanged();
    if (old)
        old.release()->deleteLater();
}

void KioskFixture::freshKiosk(int idleSeconds)
{
    m_relay->restore();
    m_disk = std::make_unique<QTemporaryDir>();
    m_idleSeconds = idleSeconds;
    makeKiosk(idleSeconds);
}

void KioskFixture::restartKiosk()
{
    makeKiosk(m_idleSeconds);
}

QString KioskFixture::approve(const QString &code, const QString &name)
{
    const QJsonObject approved = resultOf(m_lead.call(QStringLiteral("kiosks.approve"),
        {{QStringLiteral("pairingCode"), code}, {QStringLiteral("name"), name},
            {QStringLiteral("location"), QStringLiteral("Hall A")}}));
    return approved[QStringLiteral("kiosk")][QStringLiteral("id")].toString();
}

bool KioskFixture::revoke(const QString &kioskId)
{
    return m_lead.call(QStringLiteral("kiosks.revoke"), {{QStringLiteral("kioskId"), kioskId}})
        .contains(QStringLiteral("result"));
}

QString KioskFixture::quickCode(const QString &login)
{
    TestClient person;
    if (!person.signIn(m_server->wsUrl(), login))
        return {};
    return resultOf(person.call(QStringLiteral("quickCodes.create")))
        .value(QStringLiteral("code"))
        .toString();
}

QString KioskFixture::userId(const QString &login)
{
    const PgResult r
        = m_server->sql().exec("SELECT id FROM users WHERE login = $1", PgParams() << login);
    return r.rows() > 0 ? r.text(0, 0) : QString();
}

QVariantList KioskFixture::entriesOf(const QString &login)
{
    QVariantList list;
    const QJsonArray entries = resultOf(m_admin.call(QStringLiteral("timeclock.entries"),
                                            {{QStringLiteral("userId"), userId(login)}}))
                                   .value(QStringLiteral("entries"))
                                   .toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QDateTime stop
            = QDateTime::fromString(e[QStringLiteral("stop")].toString(), Qt::ISODateWithMs);
        list.append(QVariantMap {
            {QStringLiteral("start"),
                QDateTime::fromString(e[QStringLiteral("start")].toString(), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch()},
            {QStringLiteral("stop"),
                stop.isValid() ? QVariant(stop.toMSecsSinceEpoch()) : QVariant()},
            {QStringLiteral("teamName"), e[QStringLiteral("teamName")].toString()},
            {QStringLiteral("offline"), e[QStringLiteral("offline")].toBool()},
            {QStringLiteral("source"), e[QStringLiteral("source")].toString()},
            {QStringLiteral("kioskName"), e[QStringLiteral("kioskName")].toString()},
        });
    }
    return list;
}

void KioskFixture::stopShift(const QString &login)
{
    m_admin.call(
        QStringLiteral("timeclock.stopEntry"), {{QStringLiteral("userId"), userId(login)}});
}

QVariantList KioskFixture::queuedActions() const
{
    QVariantList list;
    const Outbox *outbox = m_kiosk->outbox();
    for (int row = 0; row < outbox->rowCount(); ++row) {
        const QModelIndex i = outbox->index(row);
        list.append(QVariantMap {
            {QStringLiteral("kind"), i.data(Outbox::KindRole)},
            {QStringLiteral("badge"), i.data(Outbox::BadgeRole)},
            {QStringLiteral("at"), i.data(Outbox::AtRole).toDateTime().toMSecsSinceEpoch()},
            {QStringLiteral("refused"), i.data(Outbox::RefusedRole)},
        });
    }
    return list;
}

void KioskFixture::queueStaleAction(const QString &badge)
{
    m_kiosk->outbox()->enqueue({newActionId(), QStringLiteral("clockOut"), badge,
        QDateTime::currentDateTimeUtc().addSecs(-13 * 3600), QString(), QString(), false, QString(),
        QString()});
}

void KioskFixture::addAutoStopNotice(const QString &login)
{
    m_server->sql().exec(
        "INSERT INTO notifications (organisation_id, user_id, kind, title, body, requires_ack) "
        "SELECT organisation_id, id, 'auto_stop', 'Your shift was stopped at 04:00', "
        "'You did not clock out yesterday, so the time clock stopped your shift at the day "
        "boundary.', true FROM users WHERE login = $1",
        PgParams() << login);
}

QString KioskFixture::forgetClockOut(const QString &login, int hoursAgo, int workedHours)
{
    stopShift(login);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-hoursAgo * 3600);
    const QString team = resultOf(m_admin.call(QStringLiteral("teams.list")))
                             .value(QStringLiteral("teams"))
                             .toArray()
                             .at(0)[QStringLiteral("id")]
                             .toString();
    const QJsonObject added = resultOf(m_admin.call(QStringLiteral("timeclock.addEntry"),
        {{QStringLiteral("userId"), userId(login)}, {QStringLiteral("teamId"), team},
            {QStringLiteral("start"), wireTime(start)}}));
    if (added.isEmpty())
        return {};
    const QUuid org
        = m_server->sql()
              .exec("SELECT organisation_id FROM users WHERE login = $1", PgParams() << login)
              .uuid(0, 0);
    DayBoundaryService &boundary = m_server->server().timeclock().dayBoundary;
    QSignalSpy stopped(&boundary, &DayBoundaryService::stopped);
    boundary.run(org, true);
    if (!stopped.wait(5000))
        return {};
    const QString zone = resultOf(m_admin.call(QStringLiteral("events.list")))
                             .value(QStringLiteral("events"))
                             .toArray()
                             .at(0)[QStringLiteral("timeZone")]
                             .toString();
    m_forgottenStartClock
        = start.toTimeZone(QTimeZone(zone.toUtf8())).toString(QStringLiteral("HH:mm"));
    return start.addSecs(workedHours * 3600)
        .toTimeZone(QTimeZone(zone.toUtf8()))
        .toString(QStringLiteral("HHmm"));
}

QVariantList KioskFixture::correctionsOf(const QString &login)
{
    QVariantList list;
    const QJsonArray corrections = resultOf(m_admin.call(QStringLiteral("corrections.list"),
                                                {{QStringLiteral("userId"), userId(login)}}))
                                       .value(QStringLiteral("corrections"))
                                       .toArray();
    for (const QJsonValue &v : corrections) {
        list.append(QVariantMap {
            {QStringLiteral("status"), v[QStringLiteral("status")].toString()},
            {QStringLiteral("requestedStop"),
                QDateTime::fromString(
                    v[QStringLiteral("requestedStop")].toString(), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch()},
        });
    }
    return list;
}

} // namespace Muster::Test
