// The presence model both UIs show: filled from presence.list, kept live by presence.changed.
#include "models/presencemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Muster;

namespace {

QJsonObject snapshot()
{
    const QJsonArray states {
        QJsonObject {{QStringLiteral("id"), QStringLiteral("s-busy")},
            {QStringLiteral("label"), QStringLiteral("Busy")},
            {QStringLiteral("color"), QStringLiteral("#d9822b")}, {QStringLiteral("order"), 1}},
        QJsonObject {{QStringLiteral("id"), QStringLiteral("s-avail")},
            {QStringLiteral("label"), QStringLiteral("Available")},
            {QStringLiteral("color"), QStringLiteral("#2e9d5b")}, {QStringLiteral("order"), 0},
            {QStringLiteral("available"), true}, {QStringLiteral("isDefault"), true}},
    };
    const QJsonArray people {
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u1")},
            {QStringLiteral("displayName"), QStringLiteral("Ada")},
            {QStringLiteral("stateId"), QStringLiteral("s-avail")},
            {QStringLiteral("since"), QStringLiteral("2026-11-25T09:00:00.000Z")},
            {QStringLiteral("online"), true}},
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("displayName"), QStringLiteral("Bo")},
            {QStringLiteral("stateId"), QStringLiteral("s-busy")},
            {QStringLiteral("since"), QStringLiteral("2026-11-25T08:00:00.000Z")},
            {QStringLiteral("online"), false}},
    };
    return {{QStringLiteral("states"), states}, {QStringLiteral("people"), people}};
}

} // namespace

class TestPresenceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resetsFromSnapshot()
    {
        PresenceModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(snapshot());
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex ada = model.index(model.rowOf(QStringLiteral("u1")));
        QCOMPARE(ada.data(PresenceModel::DisplayNameRole).toString(), QStringLiteral("Ada"));
        QCOMPARE(ada.data(PresenceModel::StateLabelRole).toString(), QStringLiteral("Available"));
        QCOMPARE(ada.data(PresenceModel::StateColorRole).toString(), QStringLiteral("#2e9d5b"));
        QCOMPARE(ada.data(PresenceModel::SinceRole).toDateTime(),
            QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
        QVERIFY(ada.data(PresenceModel::OnlineRole).toBool());
        // States come sorted by their order, default first here.
        QCOMPARE(model.states()->index(0).data(StateListModel::IdRole).toString(),
            QStringLiteral("s-avail"));
        QVERIFY(model.roleNames().values().contains("stateLabel"));
    }

    void appliesChangesLive()
    {
        PresenceModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(snapshot());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("stateId"), QStringLiteral("s-avail")},
            {QStringLiteral("since"), QStringLiteral("2026-11-25T10:00:00.000Z")},
            {QStringLiteral("online"), true}}));
        QCOMPARE(changed.size(), 1);
        const QModelIndex bo = model.index(model.rowOf(QStringLiteral("u2")));
        QCOMPARE(changed.first().at(0).toModelIndex(), bo);
        QCOMPARE(bo.data(PresenceModel::StateLabelRole).toString(), QStringLiteral("Available"));
        QVERIFY(bo.data(PresenceModel::OnlineRole).toBool());

        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("message"), QStringLiteral("back at 3")},
            {QStringLiteral("until"), QStringLiteral("2026-11-25T15:00:00.000Z")}}));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(bo.data(PresenceModel::MessageRole).toString(), QStringLiteral("back at 3"));
        QCOMPARE(bo.data(PresenceModel::UntilRole).toDateTime(),
            QDateTime(QDate(2026, 11, 25), QTime(15, 0), Qt::UTC));
        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("message"), QString()}, {QStringLiteral("until"), QJsonValue()}}));
        QVERIFY(!bo.data(PresenceModel::UntilRole).toDateTime().isValid());
        // profile.changed renames.
        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("displayName"), QStringLiteral("Bo Diddley")}}));
        QCOMPARE(bo.data(Qt::DisplayRole).toString(), QStringLiteral("Bo Diddley"));
        // users.update moves, promotes and highlights.
        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("teamId"), QStringLiteral("t2")},
            {QStringLiteral("role"), QStringLiteral("lead")},
            {QStringLiteral("highlight"), QStringLiteral("#ffaa00")}}));
        QCOMPARE(bo.data(PresenceModel::TeamIdRole).toString(), QStringLiteral("t2"));
        QCOMPARE(bo.data(PresenceModel::RoleRole).toString(), QStringLiteral("lead"));
        QCOMPARE(bo.data(PresenceModel::HighlightRole).toString(), QStringLiteral("#ffaa00"));
        // profile.setAvatar: a picture, then back to the generated one.
        const QString sha(64, u'a');
        QVERIFY(model.applyChange(
            {{QStringLiteral("userId"), QStringLiteral("u2")}, {QStringLiteral("avatar"), sha}}));
        QCOMPARE(bo.data(PresenceModel::AvatarRole).toString(), sha);
        QVERIFY(model.applyChange({{QStringLiteral("userId"), QStringLiteral("u2")},
            {QStringLiteral("avatar"), QJsonValue()}}));
        QCOMPARE(bo.data(PresenceModel::AvatarRole).toString(), QString());
        changed.clear();

        // A repeat of the same values changes nothing and says nothing.
        QVERIFY(model.applyChange(
            {{QStringLiteral("userId"), QStringLiteral("u2")}, {QStringLiteral("online"), true}}));
        QCOMPARE(changed.size(), 0);
        // Someone the model does not hold is reported, not invented.
        QVERIFY(!model.applyChange(
            {{QStringLiteral("userId"), QStringLiteral("u9")}, {QStringLiteral("online"), true}}));
        QCOMPARE(model.rowCount(), 2);
    }

    void followsPushesOfAWholeOrganisation()
    {
        PresenceModel model;
        model.reset(snapshot());
        model.followPush(QStringLiteral("profile.changed"),
            {{QStringLiteral("userId"), QStringLiteral("u2")},
                {QStringLiteral("displayName"), QStringLiteral("Bo B")}});
        QCOMPARE(model.person(QStringLiteral("u2"))->displayName, QStringLiteral("Bo B"));
        model.followPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), QStringLiteral("u2")},
                {QStringLiteral("message"), QStringLiteral("lunch")}});
        QCOMPARE(model.person(QStringLiteral("u2"))->message, QStringLiteral("lunch"));
        model.followPush(
            QStringLiteral("states.changed"), {{QStringLiteral("states"), QJsonArray()}});
        QCOMPARE(model.states()->rowCount(), 0);
        // Pushes the model does not follow change nothing.
        model.followPush(QStringLiteral("teams.changed"),
            {{QStringLiteral("userId"), QStringLiteral("u2")},
                {QStringLiteral("message"), QStringLiteral("no")}});
        QCOMPARE(model.person(QStringLiteral("u2"))->message, QStringLiteral("lunch"));
    }

    void followsStateEdits()
    {
        PresenceModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester statesTester(
            model.states(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(snapshot());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.resetStates(
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("s-avail")},
                {QStringLiteral("label"), QStringLiteral("Here")},
                {QStringLiteral("color"), QStringLiteral("#00ff00")}}});
        QCOMPARE(changed.size(), 1);
        const QModelIndex ada = model.index(model.rowOf(QStringLiteral("u1")));
        QCOMPARE(ada.data(PresenceModel::StateLabelRole).toString(), QStringLiteral("Here"));
        QCOMPARE(ada.data(PresenceModel::StateColorRole).toString(), QStringLiteral("#00ff00"));
        // Bo's state no longer exists: no label rather than a stale one.
        const QModelIndex bo = model.index(model.rowOf(QStringLiteral("u2")));
        QCOMPARE(bo.data(PresenceModel::StateLabelRole).toString(), QString());
        QCOMPARE(model.states()->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPresenceModel)
#include "tst_presencemodel.moc"
