// The wire form of the typed values the server builds JSON from: one place per type, read back
// by the clients with the same type.
#include "domain/account.h"
#include "domain/event.h"
#include "domain/kiosk.h"
#include "domain/person.h"
#include "domain/stopcorrection.h"
#include "domain/timetotals.h"
#include "protocol/wiretime.h"

#include <QJsonObject>
#include <QTest>

using namespace Muster;

class TestWireTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timesAreUtcWithMilliseconds()
    {
        const QDateTime berlin = QDateTime::fromString(
            QStringLiteral("2026-07-01T14:05:06.789+02:00"), Qt::ISODateWithMs);
        QCOMPARE(toWireTime(berlin).toString(), QStringLiteral("2026-07-01T12:05:06.789Z"));
        QCOMPARE(fromWireTime(toWireTime(berlin)), berlin);
        QVERIFY(toWireTime(QDateTime()).isNull());
        QVERIFY(!fromWireTime(QJsonValue()).isValid());
        QVERIFY(!fromWireTime(QStringLiteral("yesterday")).isValid());
    }

    void eventRoundTrips()
    {
        Event e;
        e.id = QUuid::createUuid();
        e.name = QStringLiteral("Con 2026");
        e.timeZone = QStringLiteral("Europe/Berlin");
        e.start = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
        e.end = QDateTime(QDate(2026, 7, 4), QTime(20, 0), Qt::UTC);
        e.dayBoundaryHour = 5;
        e.readOnly = true;
        e.active = true;
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(QStringLiteral("id")).toString(), e.id.toString(QUuid::WithoutBraces));
        QCOMPARE(json.value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-07-01T08:00:00.000Z"));
        QCOMPARE(json.size(), 9);
        QCOMPARE(Event::fromJson(json), e);
    }

    void kioskNeverSeenOrApprovedFromTheCommandLine()
    {
        Kiosk k;
        k.id = QUuid::createUuid();
        k.name = QStringLiteral("Front desk");
        k.expiresAt = QDateTime(QDate(2026, 7, 8), QTime(8, 0), Qt::UTC);
        k.createdAt = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
        const QJsonObject json = k.toJson();
        QVERIFY(json.value(QStringLiteral("lastSeen")).isNull());
        QVERIFY(json.value(QStringLiteral("approvedBy")).isNull());
        QCOMPARE(json.value(QStringLiteral("revoked")).toBool(true), false);
        QCOMPARE(Kiosk::fromJson(json), k);

        k.approvedBy = QStringLiteral("Lena Lead");
        k.lastSeen = k.createdAt.addSecs(60);
        k.revoked = true;
        QCOMPARE(Kiosk::fromJson(k.toJson()), k);
    }

    // An ongoing entry at a desk: no stop, no kiosk, and a person without a badge yet; the
    // protocol sends those as null, and the kiosk and the app read them back as absent.
    void ongoingEntryAndTotalsRoundTrip()
    {
        TimeEntry e;
        e.id = QUuid::createUuid();
        e.eventId = QUuid::createUuid();
        e.userId = QUuid::createUuid();
        e.userName = QStringLiteral("Ada L");
        e.teamId = QUuid::createUuid();
        e.teamName = QStringLiteral("Stage");
        e.start = QDateTime(QDate(2026, 7, 1), QTime(8, 0, 0, 123), Qt::UTC);
        e.notes = QStringLiteral("");
        e.source = QStringLiteral("desktop");
        e.workedSeconds = 3600;
        e.earnedSeconds = 5400;
        const QJsonObject json = e.toJson();
        QVERIFY(e.isOngoing());
        for (const char *absent : {"stop", "badge", "kioskId", "kioskName"})
            QVERIFY2(json.value(QLatin1String(absent)).isNull(), absent);
        QCOMPARE(json.value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-07-01T08:00:00.123Z"));
        QCOMPARE(json.size(), 17);
        QCOMPARE(TimeEntry::fromJson(json), e);

        TimeTotals t;
        t.eventId = e.eventId;
        t.userId = e.userId;
        t.workedSeconds = 7200;
        t.earnedSeconds = 9000;
        t.entries = 1;
        QVERIFY(t.toJson().value(QStringLiteral("ongoing")).isNull());
        QCOMPARE(TimeTotals::fromJson(t.toJson()), t);
        t.ongoing = e;
        QCOMPARE(TimeTotals::fromJson(t.toJson()), t);
    }

    // What the organisation sees of an account never carries the email; the person's own view
    // does, and both read back.
    void accountKeepsTheEmailToItsOwner()
    {
        Account a;
        a.userId = QUuid::createUuid();
        a.login = QStringLiteral("ada");
        a.displayName = QStringLiteral("Ada L");
        a.email = QStringLiteral("ada@example.org");
        a.role = Role::Lead;
        a.badge = QStringLiteral("42");
        QVERIFY(!a.publicJson().contains(QStringLiteral("email")));
        QVERIFY(a.publicJson().value(QStringLiteral("teamId")).isNull());
        QVERIFY(a.publicJson().value(QStringLiteral("highlight")).isNull());
        QCOMPARE(a.toJson().value(QStringLiteral("email")).toString(), a.email);
        QCOMPARE(Account::fromJson(a.toJson()), a);
    }

    // A person never seen, without a team, picture or highlight: nulls on the wire, as the
    // board's clients expect.
    void personNeverSeenRoundTrips()
    {
        Person p;
        p.userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.displayName = QStringLiteral("Ada L");
        p.login = QStringLiteral("ada");
        p.role = QStringLiteral("staff");
        p.stateId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.since = QDateTime(QDate(2026, 7, 1), QTime(8, 0, 0, 5), Qt::UTC);
        const QJsonObject json = p.toJson();
        for (const char *absent : {"teamId", "lastSeen", "until", "highlight", "avatar"})
            QVERIFY2(json.value(QLatin1String(absent)).isNull(), absent);
        QCOMPARE(json.value(QStringLiteral("since")).toString(),
            QStringLiteral("2026-07-01T08:00:00.005Z"));
        QCOMPARE(Person::fromJson(json), p);
    }

    void correctionRoundTrips()
    {
        StopCorrection c;
        c.id = QUuid::createUuid();
        c.entryId = QUuid::createUuid();
        c.eventId = QUuid::createUuid();
        c.userId = QUuid::createUuid();
        c.userName = QStringLiteral("Vic");
        c.badge = QStringLiteral("200");
        c.teamName = QStringLiteral("Bar");
        c.start = QDateTime(QDate(2026, 12, 4), QTime(22, 0), QTimeZone::utc());
        c.autoStop = c.start.addSecs(3600);
        c.requestedStop = c.start.addSecs(3 * 3600 + 30 * 60);
        c.note = QStringLiteral("Closing");
        c.status = StopCorrection::Status::Refused;
        c.decidedBy = QStringLiteral("Mo");
        c.decidedAt = c.requestedStop.addDays(1);
        c.reason = QStringLiteral("The bar closed at 23:00");
        c.createdAt = c.start.addDays(1);
        QCOMPARE(StopCorrection::fromJson(c.toJson()), c);
        QCOMPARE(c.differenceSeconds(), 2 * 3600 + 30 * 60);
        QCOMPARE(c.toJson().value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
    }

    void aTypedStopTimeIsTheNextSuchTimeAfterTheStart_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDateTime>("expected"); // for a shift from 22:00 Berlin time on 4 Dec
        const QTimeZone berlin("Europe/Berlin");
        QTest::newRow("later that evening")
            << QStringLiteral("23:30") << QDateTime(QDate(2026, 12, 4), QTime(23, 30), berlin);
        QTest::newRow("after midnight, keypad digits")
            << QStringLiteral("0130") << QDateTime(QDate(2026, 12, 5), QTime(1, 30), berlin);
        QTest::newRow("three digits")
            << QStringLiteral("930") << QDateTime(QDate(2026, 12, 5), QTime(9, 30), berlin);
        QTest::newRow("hours only")
            << QStringLiteral("23") << QDateTime(QDate(2026, 12, 4), QTime(23, 0), berlin);
        QTest::newRow("the start itself is the next day's")
            << QStringLiteral("2200") << QDateTime(QDate(2026, 12, 5), QTime(22, 0), berlin);
    }
    void aTypedStopTimeIsTheNextSuchTimeAfterTheStart()
    {
        QFETCH(QString, typed);
        QFETCH(QDateTime, expected);
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime start(QDate(2026, 12, 4), QTime(22, 0), berlin);
        const std::optional<QTime> time = StopCorrection::wallTimeFromText(typed);
        QVERIFY(time);
        const QDateTime stop = StopCorrection::stopAt(start.toUTC(), *time, berlin);
        QCOMPARE(stop, expected.toUTC());
        QCOMPARE(stop.timeSpec(), Qt::UTC);
    }

    void nonsenseIsNoTime()
    {
        for (const char *typed : {"", "2460", "2400", "12345", "1a30", "-130", "::"})
            QVERIFY2(!StopCorrection::wallTimeFromText(QString::fromLatin1(typed)), typed);
    }
};

QTEST_GUILESS_MAIN(TestWireTypes)
#include "tst_wiretypes.moc"
