// The desktop app driven offscreen against a real server: the login dialog's errors and success,
// the board filling with the organisation, live updates from another member, and setting my own
// state from the picker and with Ctrl+digit.
#include "admin/administrationplace.h"
#include "admin/peoplepage.h"
#include "admin/statespage.h"
#include "admin/teamspage.h"
#include "board/organisationswindow.h"
#include "board/personcard.h"
#include "board/statedecorationproxy.h"
#include "board/statustray.h"
#include "client/connection.h"
#include "client/serverurl.h"
#include "cluster/pushrelay.h"
#include "common/pictureupload.h"
#include "login/logindialog.h"
#include "models/statelistmodel.h"
#include "profile/avatarcropdialog.h"
#include "profile/avatarcropper.h"
#include "profile/profiledialog.h"
#include "services/passwordhasher.h"
#include "shell/mainwindow.h"
#include "testclient.h"
#include "testserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>

#include <cmath>

using namespace Muster;
using namespace Muster::Test;

namespace {

// WCAG's contrast ratio of two colours: 4.5 or more reads as body text.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> m_server;

    QString serverAddress() const
    {
        return QStringLiteral("127.0.0.1:%1").arg(m_server->server().port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorMessage()));
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Northwind")).isNull());
        const QStringList names {QStringLiteral("ada"), QStringLiteral("bo"), QStringLiteral("cy"),
            QStringLiteral("dee")};
        for (const QString &n : names)
            QVERIFY(!m_server->createUser(n, QStringLiteral("Northwind"), Role::Staff).isNull());
    }
    void cleanupTestCase() { m_server.reset(); }

    void serverAddressesAreNormalised()
    {
        QCOMPARE(webSocketUrl(QStringLiteral("example.org")),
            QUrl(QStringLiteral("ws://example.org:8440/ws")));
        QCOMPARE(webSocketUrl(QStringLiteral("https://example.org")),
            QUrl(QStringLiteral("wss://example.org/ws")));
        QCOMPARE(webSocketUrl(QStringLiteral("ws://10.0.0.1:9000/ws")),
            QUrl(QStringLiteral("ws://10.0.0.1:9000/ws")));
        QVERIFY(!webSocketUrl(QStringLiteral("ftp://x")).isValid());
        QVERIFY(!webSocketUrl(QString()).isValid());
    }

    // The administrator's list of states says what each flag means, once (issue 12, item 10:
    // "Available (default, available)").
    void stateFlagsReadAsWords()
    {
        StateListModel states;
        states.reset(QJsonArray {
            QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                {QStringLiteral("label"), QStringLiteral("Available")},
                {QStringLiteral("color"), QStringLiteral("#2e7d32")},
                {QStringLiteral("isDefault"), true}, {QStringLiteral("available"), true}},
            QJsonObject {{QStringLiteral("id"), QStringLiteral("s")},
                {QStringLiteral("label"), QStringLiteral("On shift")},
                {QStringLiteral("color"), QStringLiteral("#1565c0")},
                {QStringLiteral("shift"), true}},
            QJsonObject {{QStringLiteral("id"), QStringLiteral("b")},
                {QStringLiteral("label"), QStringLiteral("Busy")},
                {QStringLiteral("color"), QStringLiteral("#c62828")}}});
        StateDecorationProxy shown;
        shown.setSourceModel(&states);
        shown.setShowFlags(true);
        QCOMPARE(shown.index(0, 0).data().toString(),
            QStringLiteral("Available — new people start here, counts as reachable"));
        QCOMPARE(shown.index(1, 0).data().toString(),
            QStringLiteral("On shift — set by the time clock"));
        QCOMPARE(shown.index(2, 0).data().toString(), QStringLiteral("Busy"));
    }

    void loginDialogExplainsAndSucceeds()
    {
        Connection connection;
        LoginDialog dialog(connection);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("server"));
        auto *login = dialog.findChild<QLineEdit *>(QStringLiteral("login"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
        auto *signIn = dialog.findChild<QPushButton *>(QStringLiteral("signIn"));
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(server && login && password && signIn && message);

        QVERIFY(!signIn->isEnabled()); // nothing typed yet
        server->setText(serverAddress());
        QTest::keyClicks(login, QStringLiteral("ada"));
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QVERIFY(signIn->isEnabled());
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_COMPARE(message->text(), QStringLiteral("Wrong login or password."));
        QVERIFY(password->text().isEmpty());
        QVERIFY(dialog.isVisible());
        // Readable: it was near-white on the light grey window.
        QVERIFY(contrast(message->palette().color(QPalette::WindowText),
                    dialog.palette().color(QPalette::Window))
            >= 4.5);

        QTest::keyClicks(password, QStringLiteral("correct horse"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(signIn, Qt::LeftButton);
        QVERIFY(accepted.wait());
        QCOMPARE(connection.state(), Connection::State::Ready);
    }

    // Without a secret store the dialog says why "Stay signed in" is off, whole, not cut.
    void staySignedInExplainsWhyItIsOff()
    {
        Connection connection;
        LoginDialog dialog(connection);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // As in the app: the keychain's answer comes once the dialog is on screen.
        dialog.setRememberAvailable(false, QStringLiteral("No D-Bus"));
        auto *remember = dialog.findChild<QCheckBox *>();
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("rememberNote"));
        QVERIFY(remember && note);
        QVERIFY(!remember->isEnabled());
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("secret store")));
        // Everything fits: the checkbox needs no more room than it has, the note wraps.
        QVERIFY(remember->sizeHint().width() <= remember->width());
        QVERIFY(note->geometry().right() <= dialog.width());
        QTRY_VERIFY(note->height() >= note->heightForWidth(note->width()));
        QVERIFY(note->geometry().bottom() <= dialog.height());
    }

    void loginProblemsReadOnADarkPalette()
    {
        Connection connection;
        LoginDialog dialog(connection);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x21, 0x24));
        dark.setColor(QPalette::WindowText, Qt::white);
        dialog.setPalette(dark);
        dialog.showMessage(QStringLiteral("Wrong login or password."));
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(contrast(message->palette().color(QPalette::WindowText),
                    dialog.palette().color(QPalette::Window))
            >= 4.5);
        // A progress line is plain text, not a problem's colour.
        dialog.showMessage(QStringLiteral("Signing in…"), LoginDialog::Tone::Progress);
        QCOMPARE(message->palette().color(QPalette::WindowText), QColor(Qt::white));
    }

    // Not the alphabetically first team: one's own (every role, admins included).
    void theBoardOpensOnMyOwnTeam()
    {
        const QUuid org = m_server->createOrganisation(QStringLiteral("Southwind"));
        QVERIFY(!org.isNull());
        const QUuid zed = m_server->createUser(
            QStringLiteral("zed"), QStringLiteral("Southwind"), Role::Volunteer);
        QVERIFY(!zed.isNull());
        QVERIFY(m_server->sql()
                    .exec("INSERT INTO teams (organisation_id, name) VALUES ($1, 'Alpha'),"
                          " ($1, 'Zulu')",
                        PgParams() << org)
                    .ok());
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET home_team_id = (SELECT id FROM teams WHERE"
                          " organisation_id = $1 AND name = 'Zulu') WHERE id = $2",
                        PgParams() << org << zed)
                    .ok());
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("zed"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        auto *teams = board.findChild<QComboBox *>(QStringLiteral("teamPicker"));
        QTRY_COMPARE(teams->count(), 3);
        QTRY_COMPARE(teams->currentText(), QStringLiteral("Zulu"));
        QTRY_COMPARE(board.model().rowCount(), 1);
        QCOMPARE(board.model().index(0).data(PresenceModel::LoginRole).toString(),
            QStringLiteral("zed"));
        // Qt adds the program's name to the title: the window names the organisation only.
        QTRY_COMPARE(board.windowTitle(), QStringLiteral("Southwind"));
    }

    // "Clear after" chosen once the state is set applies to it, and stays chosen.
    void clearAfterChosenLaterApplies()
    {
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("cy"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        auto *picker = board.findChild<QComboBox *>(QStringLiteral("statePicker"));
        auto *clearAfter = board.findChild<QComboBox *>(QStringLiteral("clearAfter"));
        QTRY_VERIFY(board.model().rowCount() > 0);
        const QString cyId = connection.user().value(QStringLiteral("id")).toString();
        // Read afresh each time: the board reloads once it knows cy's team.
        const auto cy = [&] { return board.model().index(board.model().rowOf(cyId)); };
        // A state cy is not in yet, so its push is there to wait for.
        QTRY_VERIFY(cy().data(PresenceModel::StateIdRole).toString().size() > 0);
        const int row
            = board.model().states()->rowOf(cy().data(PresenceModel::StateIdRole).toString()) == 1
            ? 2
            : 1;
        picker->setCurrentIndex(row);
        Q_EMIT picker->activated(row);
        const QString busy
            = board.model().states()->index(row).data(StateListModel::IdRole).toString();
        QTRY_COMPARE(cy().data(PresenceModel::StateIdRole).toString(), busy);
        QVERIFY(!cy().data(PresenceModel::UntilRole).toDateTime().isValid());

        clearAfter->setCurrentIndex(3); // 4 hours
        Q_EMIT clearAfter->activated(3);
        QTRY_VERIFY(cy().data(PresenceModel::UntilRole).toDateTime().isValid());
        const QDateTime until = cy().data(PresenceModel::UntilRole).toDateTime();
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 4 * 3600) < 60);
        QCOMPARE(cy().data(PresenceModel::StateIdRole).toString(), busy);
        QCOMPARE(clearAfter->currentIndex(), 3); // the push did not reset the choice
    }

    // muster --help and --version answer where there is no display (a server, an SSH session).
    void helpWithoutADisplay()
    {
        const QString binary = qEnvironmentVariable("MUSTER_APP_BINARY");
        if (binary.isEmpty())
            QSKIP("MUSTER_APP_BINARY is not set (ctest sets it)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        for (const QString &argument : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(binary, {argument});
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(
                out.contains(argument == QLatin1String("--help") ? QStringLiteral("--server")
                                                                 : QStringLiteral(MUSTER_VERSION)),
                qPrintable(out));
        }
    }

    void loginDialogSaysWhenTheServerIsUnreachable()
    {
        Connection connection;
        connection.setReconnectDelays(
            std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        LoginDialog dialog(connection);
        dialog.setServer(QStringLiteral("127.0.0.1:1"));
        dialog.setLogin(QStringLiteral("ada"));
        dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("x"));
        dialog.show();
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
        QTRY_VERIFY(message->text().startsWith(QStringLiteral("Cannot reach the server")));
        QCOMPARE(connection.state(), Connection::State::Disconnected);
    }

    void profileDialogSavesAndExplains()
    {
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("cy"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        AvatarCache avatars;
        ProfileDialog dialog(connection, avatars);
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("displayName"));
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
        QTRY_COMPARE(name->text(), QStringLiteral("cy"));
        name->setText(QStringLiteral("Cy Young"));
        dialog.findChild<QLineEdit *>(QStringLiteral("currentPassword"))
            ->setText(QStringLiteral("not it"));
        dialog.findChild<QLineEdit *>(QStringLiteral("newPassword"))
            ->setText(QStringLiteral("new secret 1"));
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmPassword"))
            ->setText(QStringLiteral("new secret 2"));
        auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        // The rules are there before anyone types; a password they refuse is refused at once.
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("passwordRules"))
                    ->text()
                    .startsWith(QStringLiteral("At least 8 characters")));
        dialog.findChild<QLineEdit *>(QStringLiteral("newPassword"))
            ->setText(QStringLiteral("Password123"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(message->text(),
            QStringLiteral("That is one of the passwords people guess first: choose another."));
        dialog.findChild<QLineEdit *>(QStringLiteral("newPassword"))
            ->setText(QStringLiteral("new secret 1"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(message->text(), QStringLiteral("The new passwords do not match."));
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmPassword"))
            ->setText(QStringLiteral("new secret 1"));
        QTest::mouseClick(save, Qt::LeftButton);
        // The name is saved; the wrong current password is explained and nothing else is lost.
        QTRY_COMPARE(message->text(), QStringLiteral("Your current password is not right."));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("profile.png"))));
        QCOMPARE(
            m_server->sql().exec("SELECT display_name FROM users WHERE login = 'cy'").text(0, 0),
            QStringLiteral("Cy Young"));
        QCOMPARE(name->text(), QStringLiteral("Cy Young"));
        dialog.findChild<QLineEdit *>(QStringLiteral("currentPassword"))
            ->setText(QStringLiteral("correct horse"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(accepted.wait());
        // Put the password back for the other tests.
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET password_hash = $1 WHERE login = 'cy'",
                        PgParams() << QString::fromLatin1(
                            PasswordHasher::hash(QStringLiteral("correct horse"))))
                    .ok());
    }

    void cropperKeepsTheChosenSquare()
    {
        // Left half red, right half blue: the default square straddles the middle.
        QImage wide(400, 200, QImage::Format_RGB32);
        wide.fill(Qt::red);
        QPainter(&wide).fillRect(200, 0, 200, 200, Qt::blue);
        AvatarCropDialog dialog(wide);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        AvatarCropper *cropper = dialog.cropper();
        QCOMPARE(cropper->selection(), QRect(100, 0, 200, 200));
        QImage square = dialog.result();
        QCOMPARE(square.size(), QSize(AvatarCropDialog::kSide, AvatarCropDialog::kSide));
        QCOMPARE(QColor(square.pixel(10, 128)), QColor(Qt::red));
        QCOMPARE(QColor(square.pixel(245, 128)), QColor(Qt::blue));

        // Zoom in with the slider, then drag the square far right: it stops at the edge.
        dialog.findChild<QSlider *>(QStringLiteral("zoom"))->setValue(50);
        QCOMPARE(cropper->selection(), QRect(150, 50, 100, 100));
        const QPoint middle = cropper->rect().center();
        QTest::mousePress(cropper, Qt::LeftButton, {}, middle);
        QTest::mouseMove(cropper, middle + QPoint(60, 0));
        QTest::mouseMove(cropper, middle + QPoint(cropper->width(), 0));
        QTest::mouseRelease(cropper, Qt::LeftButton, {}, middle + QPoint(cropper->width(), 0));
        QCOMPARE(cropper->selection(), QRect(300, 50, 100, 100));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("crop.png"))));
        square = dialog.result();
        QCOMPARE(QColor(square.pixel(128, 128)), QColor(Qt::blue));

        // What goes to the server fits its limit and decodes to the same square.
        const QByteArray bytes = PictureUpload::encode(square);
        QVERIFY(bytes.size() <= 256 * 1024);
        QCOMPARE(QImage::fromData(bytes).size(), square.size());
    }

    void pictureFromTheProfileReachesTheBoard()
    {
        Connection adaConnection;
        QSignalSpy adaIn(&adaConnection, &Connection::signedIn);
        adaConnection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(adaIn.wait());
        MainWindow board(adaConnection);
        board.show();
        QTRY_COMPARE(board.model().rowCount(), 4);

        Connection deeConnection;
        QSignalSpy deeIn(&deeConnection, &Connection::signedIn);
        deeConnection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("dee"), QStringLiteral("correct horse"));
        QVERIFY(deeIn.wait());
        const QString deeId = deeConnection.user().value(QStringLiteral("id")).toString();
        AvatarCache deeAvatars;
        ProfileDialog dialog(deeConnection, deeAvatars);
        dialog.show();
        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removePicture"));
        QTRY_COMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("displayName"))->text(),
            QStringLiteral("dee"));
        QVERIFY(!remove->isEnabled()); // nothing to remove yet

        QImage square(256, 256, QImage::Format_RGB32);
        square.fill(QColor(0x33, 0x66, 0x99));
        QPainter(&square).fillRect(64, 64, 128, 128, QColor(0xff, 0xcc, 0x00));
        dialog.uploadPicture(square);
        QTRY_VERIFY(remove->isEnabled());

        // Ada's board learns of it by push and fetches the picture over HTTP with her token.
        const QModelIndex deeRow = board.model().index(board.model().rowOf(deeId));
        QTRY_VERIFY(!deeRow.data(PresenceModel::AvatarRole).toString().isEmpty());
        const QString sha = deeRow.data(PresenceModel::AvatarRole).toString();
        QTRY_VERIFY(board.avatars().hasPicture(sha));
        const QImage drawn = board.avatars().avatar(deeId, sha, 64, 1.0);
        QCOMPARE(QColor(drawn.pixel(32, 32)).rgb(), QColor(0xff, 0xcc, 0x00).rgb());
        QCOMPARE(deeAvatars.hasPicture(sha), true); // the uploader kept its own bytes
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(
                dialog.grab().save(QDir(shots).filePath(QStringLiteral("profile-picture.png"))));

        // Back to the generated avatar, everywhere.
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(deeRow.data(PresenceModel::AvatarRole).toString().isEmpty());
        QVERIFY(!remove->isEnabled());
    }

    void aBusyBoard()
    {
        // A dozen people of another organisation in several states, some online, a lead, a
        // highlight and messages: what a real morning looks like. Saved as a PNG on request.
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Harbour Clinic")).isNull());
        const QList<std::tuple<const char *, const char *, Role, const char *, const char *>>
            people {
                {"amara", "Amara Okafor", Role::Lead, "Available", ""},
                {"ben", "Ben Carter", Role::Staff, "In a meeting", "Board review"},
                {"chloe", "Chloé Martin", Role::Staff, "Busy", "Reports due at 4"},
                {"dmitri", "Dmitri Volkov", Role::Staff, "Available", ""},
                {"esther", "Esther Cohen", Role::Manager, "Away", "Back Monday"},
                {"farid", "Farid Haddad", Role::Staff, "Available", ""},
                {"grace", "Grace Liu", Role::Staff, "In a meeting", ""},
                {"hugo", "Hugo Silva", Role::Volunteer, "Busy", "On the phones"},
                {"ines", "Inès Dupont", Role::Volunteer, "Available", ""},
                {"jonas", "Jonas Berg", Role::Staff, "Away", ""},
                {"kemi", "Kemi Adeyemi", Role::Staff, "Available", "Front desk"},
                {"liam", "Liam Walsh", Role::Admin, "Busy", ""},
            };
        std::vector<std::unique_ptr<TestClient>> online;
        for (const auto &[login, name, role, state, message] : people) {
            QVERIFY(!m_server
                         ->createUser(
                             QString::fromLatin1(login), QStringLiteral("Harbour Clinic"), role)
                         .isNull());
            QVERIFY(
                m_server->sql()
                    .exec("UPDATE users u SET display_name = $2, status_message = $4,"
                          " state_id = s.id, state_since = now() - (random() * interval '3 hours')"
                          " FROM states s WHERE u.login = $1 AND s.organisation_id = "
                          "u.organisation_id AND s.label = $3",
                        PgParams() << QString::fromLatin1(login) << QString::fromUtf8(name)
                                   << QString::fromLatin1(state) << QString::fromLatin1(message))
                    .ok());
        }
        QVERIFY(m_server->sql()
                    .exec("UPDATE users SET highlight_color = '#7e57c2' WHERE login = 'esther'")
                    .ok());
        for (const char *login : {"amara", "ben", "chloe", "farid", "kemi", "liam"}) {
            auto client = std::make_unique<TestClient>();
            QVERIFY(client->open(m_server->wsUrl()));
            QVERIFY(client->login(QString::fromLatin1(login), QStringLiteral("correct horse"))
                        .contains(QStringLiteral("result")));
            online.push_back(std::move(client));
        }
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(webSocketUrl(serverAddress()), QStringLiteral("dmitri"),
            QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        board.resize(560, 900);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        auto *view = board.findChild<QListView *>(QStringLiteral("people"));
        QTRY_COMPARE(view->model()->rowCount(), 12);
        // Online people first (Dmitri himself among them), then the rest, each group by name.
        QTRY_VERIFY(view->model()->index(6, 0).data(PresenceModel::OnlineRole).toBool());
        QVERIFY(!view->model()->index(7, 0).data(PresenceModel::OnlineRole).toBool());
        QCOMPARE(view->model()->index(0, 0).data(PresenceModel::DisplayNameRole).toString(),
            QStringLiteral("Amara Okafor"));
        QCOMPARE(board.findChild<QLabel *>(QStringLiteral("onlineCount"))->text(),
            QStringLiteral("7 of 12 people online"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QTest::qWait(100); // let the last pushes paint
            QVERIFY(board.grab().save(QDir(shots).filePath(QStringLiteral("busy-board.png"))));
            // And in a dark palette, as a dark desktop theme gives it.
            const QPalette light = QApplication::palette();
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
            dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
            dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
            dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
            dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5b));
            dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
            dark.setColor(QPalette::HighlightedText, Qt::white);
            dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
            QApplication::setPalette(dark);
            QTest::qWait(50);
            QVERIFY(board.grab().save(QDir(shots).filePath(QStringLiteral("busy-board-dark.png"))));
            QApplication::setPalette(light);
        }
    }

    void boardShowsAndFollowsTheOrganisation()
    {
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        auto *view = board.findChild<QListView *>(QStringLiteral("people"));
        auto *picker = board.findChild<QComboBox *>(QStringLiteral("statePicker"));
        QTRY_COMPARE(view->model()->rowCount(), 4);
        // The time clock's shift state is listed, but nobody picks it by hand.
        QCOMPARE(picker->count(), 5);
        const auto *pickerModel = picker->model();
        QCOMPARE(pickerModel->index(4, 0).data(StateListModel::ShiftRole).toBool(), true);
        QVERIFY(!(pickerModel->flags(pickerModel->index(4, 0)) & Qt::ItemIsEnabled));
        QVERIFY(pickerModel->flags(pickerModel->index(0, 0)) & Qt::ItemIsEnabled);
        // Staff see their own team's board; with one team there is nothing to pick.
        auto *teams = board.findChild<QComboBox *>(QStringLiteral("teamPicker"));
        QTRY_COMPARE(teams->count(), 1);
        QCOMPARE(teams->currentText(), QStringLiteral("General"));
        QCOMPARE(picker->currentText(), QStringLiteral("Available"));
        QVERIFY(board.statusBar()->findChild<QLabel *>()->text().contains(
            QStringLiteral("Connected as ada")));
        // Ada is online, so she sorts first.
        QCOMPARE(view->model()->index(0, 0).data(PresenceModel::LoginRole).toString(),
            QStringLiteral("ada"));

        // Another member changes state: the board follows without a reload.
        TestClient bo;
        QVERIFY(bo.open(m_server->wsUrl()));
        const QJsonObject boUser = bo.login(QStringLiteral("bo"), QStringLiteral("correct horse"))
                                       .value(QStringLiteral("result"))
                                       .toObject()
                                       .value(QStringLiteral("user"))
                                       .toObject();
        const QString boId = boUser.value(QStringLiteral("id")).toString();
        const QString busy
            = board.model().states()->index(1).data(StateListModel::IdRole).toString();
        QVERIFY(bo.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), busy}})
                    .contains(QStringLiteral("result")));
        const QModelIndex boRow = board.model().index(board.model().rowOf(boId));
        QTRY_COMPARE(boRow.data(PresenceModel::StateLabelRole).toString(), QStringLiteral("Busy"));
        QVERIFY(boRow.data(PresenceModel::OnlineRole).toBool());

        // My own state from the picker reaches the other member.
        const QString adaId = connection.user().value(QStringLiteral("id")).toString();
        picker->setCurrentIndex(2);
        Q_EMIT picker->activated(2);
        const QString meeting
            = board.model().states()->index(2).data(StateListModel::IdRole).toString();
        QVERIFY(!bo.waitForPush(QStringLiteral("presence.changed"),
                       {{QStringLiteral("userId"), adaId}, {QStringLiteral("stateId"), meeting}})
                     .isEmpty());

        // With a message that others see, and an end.
        auto *message = board.findChild<QLineEdit *>(QStringLiteral("message"));
        auto *clearAfter = board.findChild<QComboBox *>(QStringLiteral("clearAfter"));
        message->setText(QStringLiteral("back at 3"));
        clearAfter->setCurrentIndex(2); // 1 hour
        QTest::keyClick(message, Qt::Key_Return);
        const QJsonObject withMessage = bo.waitForPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), adaId},
                {QStringLiteral("message"), QStringLiteral("back at 3")}});
        QCOMPARE(withMessage.value(QStringLiteral("stateId")).toString(), meeting);
        const QDateTime until = QDateTime::fromString(
            withMessage.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 3600) < 60);
        message->clear();
        clearAfter->setCurrentIndex(0);

        // And from the tray menu, which marks the current state.
        QMenu *trayMenu = board.tray()->menu();
        QAction *busyAction = nullptr;
        QAction *shiftAction = nullptr;
        for (QAction *a : trayMenu->actions()) {
            if (a->text() == QStringLiteral("Busy"))
                busyAction = a;
            if (a->text() == QStringLiteral("On shift"))
                shiftAction = a;
        }
        QVERIFY(busyAction);
        // The shift state is there but, as in the window's picker, not to be picked.
        QVERIFY(shiftAction);
        QVERIFY(!shiftAction->isEnabled());
        busyAction->trigger();
        QVERIFY(!bo.waitForPush(QStringLiteral("presence.changed"),
                       {{QStringLiteral("userId"), adaId}, {QStringLiteral("stateId"), busy}})
                     .isEmpty());
        QTRY_VERIFY(busyAction->isChecked());

        // And with a shortcut.
        QTest::keyClick(&board, Qt::Key_4, Qt::ControlModifier);
        const QString away
            = board.model().states()->index(3).data(StateListModel::IdRole).toString();
        QVERIFY(!bo.waitForPush(QStringLiteral("presence.changed"),
                       {{QStringLiteral("userId"), adaId}, {QStringLiteral("stateId"), away}})
                     .isEmpty());
        QTRY_COMPARE(picker->currentIndex(), 3);

        // Search narrows the list.
        board.findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("bo"));
        QTRY_COMPARE(view->model()->rowCount(), 1);

        // A second team appears: the picker offers it, and choosing it shows only its members.
        board.findChild<QLineEdit *>(QStringLiteral("search"))->clear();
        QVERIFY(m_server->sql()
                    .exec("WITH t AS (INSERT INTO teams (organisation_id, name)"
                          " SELECT organisation_id, 'Kitchen' FROM users WHERE login = 'dee' "
                          "RETURNING id)"
                          " UPDATE users SET home_team_id = (SELECT id FROM t) WHERE login = 'dee'")
                    .ok());
        TestClient admin;
        QVERIFY(admin.open(m_server->wsUrl()));
        QVERIFY(
            !m_server->createUser(QStringLiteral("boss"), QStringLiteral("Northwind"), Role::Admin)
                 .isNull());
        QVERIFY(admin.login(QStringLiteral("boss"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const QString kitchen
            = m_server->sql().exec("SELECT id FROM teams WHERE name = 'Kitchen'").text(0, 0);
        QVERIFY(admin
                    .call(QStringLiteral("teams.update"),
                        {{QStringLiteral("teamId"), kitchen},
                            {QStringLiteral("name"), QStringLiteral("Kitchen crew")}})
                    .contains(QStringLiteral("result")));
        QTRY_COMPARE(teams->count(), 2);
        teams->setCurrentIndex(teams->findText(QStringLiteral("Kitchen crew")));
        Q_EMIT teams->activated(teams->currentIndex());
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(PresenceModel::LoginRole).toString(),
            QStringLiteral("dee"));
        teams->setCurrentIndex(teams->findText(QStringLiteral("General")));
        Q_EMIT teams->activated(teams->currentIndex());
        QTRY_COMPARE(view->model()->rowCount(), 4); // ada, bo, cy and the new admin
        const QModelIndex boRowAgain = board.model().index(board.model().rowOf(boId));

        // Bo leaves: the board shows him offline.
        bo.socket().close();
        QTRY_VERIFY(!boRowAgain.data(PresenceModel::OnlineRole).toBool());

        const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            board.findChild<QLineEdit *>(QStringLiteral("search"))->clear();
            board.resize(520, 560);
            QTest::qWait(50);
            QVERIFY(board.grab().save(QDir(shots).filePath(QStringLiteral("board.png"))));
        }
    }

    void boardReadsAgainWhenTheServerAsks()
    {
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        QTRY_COMPARE(board.model().rowCount(), 4);
        // A change the board never heard of (made while its server was out of touch).
        const QString busy
            = board.model().states()->index(1).data(StateListModel::IdRole).toString();
        const PgResult changed = m_server->sql().exec(
            "UPDATE users SET state_id = $1, status_message = 'missed' WHERE login = 'cy'"
            " RETURNING id",
            PgParams() << QUuid::fromString(busy));
        QVERIFY(changed.ok() && changed.rows() == 1);
        const QString cyId = changed.text(0, 0);
        const auto cyMessage = [&] {
            return board.model()
                .index(board.model().rowOf(cyId))
                .data(PresenceModel::MessageRole)
                .toString();
        };
        QCOMPARE(cyMessage(), QString());
        m_server->server().relay().deliverHere(
            {Audience::everyone(), PushRelay::kResyncMethod, {}});
        QTRY_COMPARE(cyMessage(), QStringLiteral("missed"));
        m_server->sql().exec("UPDATE users SET status_message = '' WHERE login = 'cy'");
    }

    void autoAwayAndBack()
    {
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("bo"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        const QString bo = connection.user().value(QStringLiteral("id")).toString();
        MainWindow board(connection);
        QTRY_VERIFY(board.model().person(bo));
        StateListModel &states = *board.model().states();
        QTRY_COMPARE(states.rowCount(), 5);
        const auto stateId = [&](const char *label) {
            for (int row = 0; row < states.rowCount(); ++row) {
                if (states.index(row).data(StateListModel::LabelRole).toString()
                    == QLatin1String(label))
                    return states.index(row).data(StateListModel::IdRole).toString();
            }
            return QString();
        };
        const QString available = stateId("Available");
        const QString away = stateId("Away");
        const QString meeting = stateId("In a meeting");
        QCOMPARE(board.autoAway().awayStateId(), away);

        TestClient watcher;
        QVERIFY(watcher.open(m_server->wsUrl()));
        QVERIFY(watcher.login(QStringLiteral("dee"), QStringLiteral("correct horse"))
                    .contains(QStringLiteral("result")));
        const auto setMine = [&](const QString &state, const QString &message) {
            connection.call(QStringLiteral("presence.set"),
                {{QStringLiteral("stateId"), state}, {QStringLiteral("message"), message}}, this,
                [](const QJsonValue &, const RpcError &) {});
            QTRY_COMPARE(board.model().person(bo)->stateId, state);
            QTRY_COMPARE(board.model().person(bo)->message, message);
            // Only what follows counts for the checks below.
            QVERIFY(!watcher
                         .waitForPush(QStringLiteral("presence.changed"),
                             {{QStringLiteral("userId"), bo}, {QStringLiteral("stateId"), state},
                                 {QStringLiteral("message"), message}})
                         .isEmpty());
            watcher.clearPushes();
        };
        setMine(available, QStringLiteral("at my desk"));

        AutoAway &autoAway = board.autoAway();
        autoAway.setThreshold(std::chrono::minutes(10));
        autoAway.observeIdle(std::chrono::minutes(5));
        QVERIFY(watcher.noPush(
            QStringLiteral("presence.changed"), {{QStringLiteral("userId"), bo}}, 300));

        // Idle long enough: away, and everyone sees it.
        autoAway.observeIdle(std::chrono::minutes(11));
        QVERIFY(!watcher
                     .waitForPush(QStringLiteral("presence.changed"),
                         {{QStringLiteral("userId"), bo}, {QStringLiteral("stateId"), away}})
                     .isEmpty());
        QTRY_VERIFY(autoAway.isAway());
        QTRY_COMPARE(board.model().person(bo)->stateId, away);
        // Back at the keyboard: the state and message return.
        autoAway.observeIdle(std::chrono::seconds(2));
        const QJsonObject back = watcher.waitForPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), bo}, {QStringLiteral("stateId"), available}});
        QCOMPARE(back.value(QStringLiteral("message")).toString(), QStringLiteral("at my desk"));
        QVERIFY(!autoAway.isAway());

        // Away again, then a deliberate choice while away: it is not overridden on return.
        QTRY_COMPARE(board.model().person(bo)->stateId, available);
        autoAway.observeIdle(std::chrono::minutes(12));
        QTRY_COMPARE(board.model().person(bo)->stateId, away);
        setMine(meeting, QString());
        autoAway.observeIdle(std::chrono::seconds(1));
        QVERIFY(watcher.noPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), bo}, {QStringLiteral("stateId"), available}}, 300));
        QCOMPARE(board.model().person(bo)->stateId, meeting);

        // Someone in a meeting is not marked away, however long the screen sits idle.
        autoAway.observeIdle(std::chrono::minutes(30));
        QVERIFY(watcher.noPush(
            QStringLiteral("presence.changed"), {{QStringLiteral("userId"), bo}}, 300));
        QVERIFY(!autoAway.isAway());
        // Off means off.
        setMine(available, QString());
        autoAway.setThreshold(std::chrono::minutes(0));
        autoAway.observeIdle(std::chrono::hours(3));
        QVERIFY(watcher.noPush(QStringLiteral("presence.changed"),
            {{QStringLiteral("userId"), bo}, {QStringLiteral("stateId"), away}}, 300));
    }

    void administrationWithinEachRole()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Riverside")).isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("root"), QStringLiteral("Riverside"), Role::Admin)
                 .isNull());
        QVERIFY(
            !m_server->createUser(QStringLiteral("meg"), QStringLiteral("Riverside"), Role::Manager)
                 .isNull());
        const QUuid sam
            = m_server->createUser(QStringLiteral("sam"), QStringLiteral("Riverside"), Role::Staff);
        const QString samId = sam.toString(QUuid::WithoutBraces);
        const QString rootId
            = m_server->sql().exec("SELECT id FROM users WHERE login = 'root'").text(0, 0);
        const auto signIn = [this](Connection &c, const QString &login) {
            QSignalSpy in(&c, &Connection::signedIn);
            c.signIn(webSocketUrl(serverAddress()), login, QStringLiteral("correct horse"));
            return in.wait();
        };

        // A staff member is not offered administration at all.
        {
            Connection staff;
            QVERIFY(signIn(staff, QStringLiteral("sam")));
            MainWindow board(staff);
            QVERIFY(!board.offeredPlaces().contains(QStringLiteral("administration")));
        }

        // Admin: teams and statuses.
        Connection root;
        QVERIFY(signIn(root, QStringLiteral("root")));
        AdministrationPlace admin(root);
        admin.show();
        QVERIFY(admin.teamsPage() && admin.statesPage() && admin.peoplePage());
        TeamsPage *teams = admin.teamsPage();
        QTRY_COMPARE(admin.teams().rowCount(), 1);
        teams->addTeam(QStringLiteral("Night shift"));
        QTRY_COMPARE(admin.teams().rowCount(), 2);
        const QString night
            = m_server->sql().exec("SELECT id FROM teams WHERE name = 'Night shift'").text(0, 0);
        QTRY_COMPARE(teams->selectedTeam(), night);
        teams->renameTeam(night, QStringLiteral("Night watch"));
        QTRY_COMPARE(admin.teams().teamById(night)->name, QStringLiteral("Night watch"));
        // A clash is explained, not swallowed.
        teams->addTeam(QStringLiteral("general"));
        QTRY_VERIFY(!teams->message().isEmpty());
        QCOMPARE(admin.teams().rowCount(), 2);

        StatesPage *states = admin.statesPage();
        StateListModel &stateList = *admin.people().states();
        QTRY_COMPARE(stateList.rowCount(), 5); // four defaults and the time clock's shift state
        states->addState(QStringLiteral("Lunch"), QColor(0x99, 0x33, 0xcc), false);
        QTRY_COMPARE(stateList.rowCount(), 6);
        QTRY_COMPARE(states->selectedRow(), 5);
        states->moveState(5, -1);
        QTRY_COMPARE(
            stateList.index(4).data(StateListModel::LabelRole).toString(), QStringLiteral("Lunch"));
        states->moveState(4, -1);
        QTRY_COMPARE(
            stateList.index(3).data(StateListModel::LabelRole).toString(), QStringLiteral("Lunch"));
        QTRY_COMPARE(states->selectedRow(), 3); // the selection follows the moved state
        const QString lunch = stateList.index(3).data(StateListModel::IdRole).toString();
        states->editState(lunch, QStringLiteral("Lunch break"), QColor(0x99, 0x33, 0xcc), true);
        QTRY_COMPARE(stateList.stateById(lunch)->label, QStringLiteral("Lunch break"));
        QVERIFY(stateList.stateById(lunch)->available);
        states->makeDefault(lunch);
        QTRY_VERIFY(stateList.stateById(lunch)->isDefault);
        const QString away
            = stateList.index(stateList.rowOf(lunch) + 1).data(StateListModel::IdRole).toString();
        states->deleteState(away);
        QTRY_COMPARE(stateList.rowCount(), 5);
        QCOMPARE(m_server->sql()
                     .exec("SELECT count(*) FROM states s JOIN organisations o"
                           " ON o.id = s.organisation_id WHERE o.name = 'Riverside'")
                     .toInt(0, 0),
            5);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty()) {
            admin.findChild<QTabWidget *>()->setCurrentWidget(states);
            QVERIFY(admin.grab().save(QDir(shots).filePath(QStringLiteral("admin-states.png"))));
        }

        // Manager: people only, and only within the role rules.
        Connection meg;
        QVERIFY(signIn(meg, QStringLiteral("meg")));
        AdministrationPlace managing(meg);
        managing.show();
        QVERIFY(managing.peoplePage() && !managing.teamsPage() && !managing.statesPage());
        PeoplePage *people = managing.peoplePage();
        auto *role = people->findChild<QComboBox *>(QStringLiteral("role"));
        auto *team = people->findChild<QComboBox *>(QStringLiteral("team"));
        QCOMPARE(role->count(), 6); // banned … manager: nothing above her own
        QTRY_COMPARE(managing.people().rowCount(), 3);
        people->selectPerson(rootId);
        QVERIFY(!role->isEnabled()); // above her
        people->selectPerson(meg.user().value(QStringLiteral("id")).toString());
        QVERIFY(!role->isEnabled()); // her own
        people->selectPerson(samId);
        QVERIFY(role->isEnabled());
        role->setCurrentIndex(role->findData(QStringLiteral("lead")));
        QTRY_COMPARE(team->count(), 2);
        team->setCurrentIndex(team->findData(night));
        people->findChild<QCheckBox *>(QStringLiteral("highlighted"))->setChecked(true);
        QTest::mouseClick(people->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_COMPARE(people->message(), QStringLiteral("Saved."));
        const PgResult row = m_server->sql().exec(
            "SELECT role, home_team_id, highlight_color FROM users WHERE login = 'sam'");
        QCOMPARE(row.text(0, 0), QStringLiteral("lead"));
        QCOMPARE(row.text(0, 1), night);
        QVERIFY(!row.isNull(0, 2));
        // The admin's copy follows by push.
        QTRY_COMPARE(admin.people().person(samId)->role, QStringLiteral("lead"));
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(managing.grab().save(QDir(shots).filePath(QStringLiteral("admin-people.png"))));

        // Archiving a team takes it out of the manager's choices at once.
        teams->setArchived(night, true);
        QTRY_COMPARE(team->count(), 1);
    }

    // Before anyone is chosen no role is shown (it said "Banned"), and "Saved." appearing does
    // not make the list jump (issue 12, item 8).
    void peoplePageBeforeAndAfterSaving()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Lakeside")).isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("lakeadmin"), QStringLiteral("Lakeside"), Role::Admin)
                 .isNull());
        const QString staff
            = m_server
                  ->createUser(QStringLiteral("lakestaff"), QStringLiteral("Lakeside"), Role::Staff)
                  .toString(QUuid::WithoutBraces);
        Connection admin;
        QSignalSpy in(&admin, &Connection::signedIn);
        admin.signIn(webSocketUrl(serverAddress()), QStringLiteral("lakeadmin"),
            QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        AdministrationPlace place(admin);
        place.resize(800, 500);
        place.show();
        QVERIFY(QTest::qWaitForWindowExposed(&place));
        PeoplePage *people = place.peoplePage();
        QTRY_COMPARE(place.people().rowCount(), 2);
        auto *role = people->findChild<QComboBox *>(QStringLiteral("role"));
        QCOMPARE(role->currentIndex(), -1);
        QVERIFY(!role->currentText().contains(QStringLiteral("Banned")));
        auto *list = people->findChild<QListView *>();
        QVERIFY(list);
        const int listHeight = list->height();
        people->selectPerson(staff);
        people->findChild<QCheckBox *>(QStringLiteral("highlighted"))->setChecked(true);
        QTest::mouseClick(people->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_COMPARE(people->message(), QStringLiteral("Saved."));
        QCoreApplication::processEvents(); // let the layout follow the message
        QCOMPARE(list->height(), listHeight);
    }

    // Double-clicking someone on the board opens their card, with their message whole; a
    // manager also sees their hours (issue 12, item 11).
    void aPersonsCard()
    {
        QVERIFY(!m_server->createOrganisation(QStringLiteral("Hillside")).isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("hillmgr"), QStringLiteral("Hillside"), Role::Manager)
                 .isNull());
        QVERIFY(
            !m_server
                 ->createUser(QStringLiteral("hillstaff"), QStringLiteral("Hillside"), Role::Staff)
                 .isNull());
        TestClient staff;
        QVERIFY(staff.signIn(m_server->wsUrl(), QStringLiteral("hillstaff")));
        const QString longMessage = QStringLiteral(
            "At the north gate until the shuttle comes back, then helping at the cloakroom");
        const QString busy = stateIdByLabel(
            resultOf(staff.call(QStringLiteral("presence.list"))), QStringLiteral("Busy"));
        QVERIFY(
            staff
                .call(QStringLiteral("presence.set"),
                    {{QStringLiteral("stateId"), busy}, {QStringLiteral("message"), longMessage}})
                .contains(QStringLiteral("result")));

        for (const QString &viewer : {QStringLiteral("hillmgr"), QStringLiteral("hillstaff")}) {
            Connection connection;
            QSignalSpy in(&connection, &Connection::signedIn);
            connection.signIn(
                webSocketUrl(serverAddress()), viewer, QStringLiteral("correct horse"));
            QVERIFY(in.wait());
            MainWindow window(connection);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.showPlace(QStringLiteral("board")));
            auto *view = window.placePage(QStringLiteral("board"))
                             ->findChild<QListView *>(QStringLiteral("people"));
            QTRY_VERIFY(view->model()->rowCount() == 2);
            QModelIndex row;
            for (int i = 0; i < view->model()->rowCount(); ++i) {
                if (view->model()->index(i, 0).data(PresenceModel::LoginRole).toString()
                    == QLatin1String("hillstaff"))
                    row = view->model()->index(i, 0);
            }
            QVERIFY(row.isValid());
            const QRect rect = view->visualRect(row);
            // The board cuts the long message; hovering shows it whole (item 11).
            QHelpEvent hover(
                QEvent::ToolTip, rect.center(), view->viewport()->mapToGlobal(rect.center()));
            QApplication::sendEvent(view->viewport(), &hover);
            QTRY_VERIFY(QToolTip::isVisible());
            QCOMPARE(QToolTip::text(), QStringLiteral("hillstaff — Busy\n") + longMessage);
            QToolTip::hideText();
            // A double-click as a mouse makes it: press, release, then the double-click.
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
            QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
            if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR");
                !shots.isEmpty())
                QVERIFY(
                    view->grab().save(QDir(shots).filePath(QStringLiteral("board-selected.png"))));
            PersonCard *card = nullptr;
            QTRY_VERIFY((card = window.findChild<PersonCard *>()) != nullptr);
            QTRY_VERIFY(card->lines().contains(longMessage));
            QVERIFY(card->lines().contains(QStringLiteral("Busy")));
            QVERIFY(card->lines().first() == QStringLiteral("hillstaff"));
            QVERIFY(!card->lines().join(u' ').contains(QStringLiteral("just now ago")));
            if (viewer == QLatin1String("hillmgr"))
                QTRY_VERIFY2(card->lines().last().startsWith(QStringLiteral("No event is running")),
                    qPrintable(card->lines().join(u'|')));
            else
                QVERIFY(!card->lines().last().contains(QStringLiteral("event")));
            QCOMPARE(window.findChildren<PersonCard *>().size(), 1); // one card per double-click
            if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR");
                !shots.isEmpty() && viewer == QLatin1String("hillmgr"))
                QVERIFY(card->grab().save(QDir(shots).filePath(QStringLiteral("person-card.png"))));
            card->close();
        }
    }

    void superadminSeesAnyOrganisationLive()
    {
        QVERIFY(
            m_server->sql().exec("UPDATE users SET is_superadmin = true WHERE login = 'dee'").ok());
        const QString riverside = m_server->sql()
                                      .exec("SELECT id FROM organisations WHERE name = 'Riverside'")
                                      .text(0, 0);
        QVERIFY(!riverside.isEmpty()); // made by administrationWithinEachRole
        Connection connection;
        QSignalSpy in(&connection, &Connection::signedIn);
        connection.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("dee"), QStringLiteral("correct horse"));
        QVERIFY(in.wait());
        MainWindow board(connection);
        QVERIFY(board.findChild<QAction *>(QStringLiteral("allOrganisations"))->isVisible());
        // The board opens on dee's own team (earlier tests moved people between teams).
        const int deeTeam = int(m_server->sql()
                                    .exec("SELECT count(*) FROM users WHERE home_team_id ="
                                          " (SELECT home_team_id FROM users WHERE login = 'dee')")
                                    .toInt(0, 0));
        QTRY_COMPARE(board.model().rowCount(), deeTeam);

        OrganisationsWindow window(connection, board.avatars());
        window.show();
        auto *organisations = window.findChild<QComboBox *>(QStringLiteral("organisations"));
        QTRY_VERIFY(organisations->count() >= 3);
        // It opens on my own organisation (all of it, not one team), then shows any other.
        const int northwind = int(m_server->sql()
                                      .exec("SELECT count(*) FROM users u JOIN organisations o ON"
                                            " o.id = u.organisation_id WHERE o.name = 'Northwind'")
                                      .toInt(0, 0));
        QTRY_COMPARE(window.model().rowCount(), northwind);
        window.showOrganisation(riverside);
        QTRY_COMPARE(window.model().rowCount(), 3);

        // Live: someone there signs in and changes state.
        TestClient sam;
        QVERIFY(sam.open(m_server->wsUrl()));
        const QString samId
            = resultOf(sam.login(QStringLiteral("sam"), QStringLiteral("correct horse")))
                  .value(QStringLiteral("user"))
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString();
        const QString busy = stateIdByLabel(
            resultOf(sam.call(QStringLiteral("presence.list"))), QStringLiteral("Busy"));
        QVERIFY(sam.call(QStringLiteral("presence.set"), {{QStringLiteral("stateId"), busy}})
                    .contains(QStringLiteral("result")));
        const QModelIndex samRow = window.model().index(window.model().rowOf(samId));
        QTRY_COMPARE(samRow.data(PresenceModel::StateLabelRole).toString(), QStringLiteral("Busy"));
        QVERIFY(samRow.data(PresenceModel::OnlineRole).toBool());
        // My own board never mixes in another organisation.
        QCOMPARE(board.model().rowCount(), deeTeam);
        QCOMPARE(board.model().rowOf(samId), -1);
        if (const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("organisations.png"))));

        // Without the flag, nothing of it is offered.
        Connection ada;
        QSignalSpy adaIn(&ada, &Connection::signedIn);
        ada.signIn(
            webSocketUrl(serverAddress()), QStringLiteral("ada"), QStringLiteral("correct horse"));
        QVERIFY(adaIn.wait());
        MainWindow adaBoard(ada);
        QVERIFY(!adaBoard.findChild<QAction *>(QStringLiteral("allOrganisations"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
