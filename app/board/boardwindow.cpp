// See boardwindow.h.
#include "boardwindow.h"

#include "admin/admindialog.h"
#include "client/connection.h"
#include "domain/role.h"
#include "organisationswindow.h"
#include "peoplefiltermodel.h"
#include "persondelegate.h"
#include "profile/profiledialog.h"
#include "statedecorationproxy.h"
#include "statustray.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace Muster {

BoardWindow::BoardWindow(Connection &connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_board(&connection)
    , m_autoAway(connection, m_model)
    , m_people(new PeopleFilterModel(this))
    , m_states(new StateDecorationProxy(this))
    , m_view(new QListView(this))
    , m_teamPicker(new QComboBox(this))
    , m_statePicker(new QComboBox(this))
    , m_message(new QLineEdit(this))
    , m_clearAfter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_connectionLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_tray(new StatusTray(m_model, this, this))
{
    setObjectName(QStringLiteral("boardWindow"));
    setWindowTitle(tr("Muster"));
    m_people->setSourceModel(&m_model);
    m_states->setSourceModel(m_model.states());
    m_states->setShiftChoosable(false);

    m_view->setObjectName(QStringLiteral("people"));
    m_view->setModel(m_people);
    m_view->setItemDelegate(new PersonDelegate(m_avatars, m_view));
    m_avatars.setDiskDirectory(
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/avatars");
    connect(
        &m_avatars, &AvatarCache::pictureReady, m_view->viewport(), qOverload<>(&QWidget::update));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(2);
    setCentralWidget(m_view);

    m_statePicker->setObjectName(QStringLiteral("statePicker"));
    m_statePicker->setModel(m_states);
    m_statePicker->setMinimumContentsLength(14);
    m_statePicker->setToolTip(tr("Your status (Ctrl+1 … Ctrl+9)"));
    m_teamPicker->setObjectName(QStringLiteral("teamPicker"));
    m_teamPicker->setToolTip(tr("Whose board to show"));
    m_teamPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setPlaceholderText(tr("What's up?"));
    m_message->setMaxLength(200);
    m_message->setMinimumWidth(160);
    m_message->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_message->setClearButtonEnabled(true);
    m_clearAfter->setObjectName(QStringLiteral("clearAfter"));
    m_clearAfter->setToolTip(tr("Return to the default status after…"));
    m_clearAfter->addItem(tr("Don't clear"), 0);
    m_clearAfter->addItem(tr("30 minutes"), 30 * 60);
    m_clearAfter->addItem(tr("1 hour"), 60 * 60);
    m_clearAfter->addItem(tr("4 hours"), 4 * 60 * 60);
    m_clearAfter->addItem(tr("Today"), -1);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search people"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);

    QToolBar *bar = addToolBar(tr("Status"));
    bar->setObjectName(QStringLiteral("statusToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("My status: "), this));
    bar->addWidget(m_statePicker);
    bar->addWidget(m_message);
    bar->addWidget(m_clearAfter);
    // Whose board, and search, on a second row: the status row keeps room for the message.
    addToolBarBreak();
    QToolBar *view = addToolBar(tr("Board"));
    view->setObjectName(QStringLiteral("boardToolBar"));
    view->setMovable(false);
    view->addWidget(new QLabel(tr("Board: "), this));
    view->addWidget(m_teamPicker);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    view->addWidget(spacer);
    view->addWidget(m_search);

    QMenu *file = menuBar()->addMenu(tr("&Muster"));
    QAction *refreshAction = file->addAction(tr("&Refresh"), this, &BoardWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("My &profile…"), this, [this] {
        auto *dialog = new ProfileDialog(m_connection, m_avatars, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    setUpAutoAway(file->addMenu(tr("Auto-&away")));
    QAction *admin = file->addAction(tr("&Administration…"), this, [this] {
        auto *dialog = new AdminDialog(m_connection, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    admin->setObjectName(QStringLiteral("administration"));
    // Offered to those who may use it; the role can change while the app runs.
    auto offerAdmin = [this, admin] {
        admin->setVisible(
            roleAtLeast(roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
                            .value_or(Role::Banned),
                Role::Manager));
    };
    connect(&m_connection, &Connection::signedIn, admin, offerAdmin);
    offerAdmin();
    QAction *everyOrganisation = file->addAction(tr("All &organisations…"), this, [this] {
        auto *window = new OrganisationsWindow(m_connection, m_avatars, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    everyOrganisation->setObjectName(QStringLiteral("allOrganisations"));
    auto offerEveryOrganisation = [this, everyOrganisation] {
        everyOrganisation->setVisible(
            m_connection.user().value(QStringLiteral("superadmin")).toBool());
    };
    connect(&m_connection, &Connection::signedIn, everyOrganisation, offerEveryOrganisation);
    offerEveryOrganisation();
    file->addAction(tr("Sign &out"), this, &BoardWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        saveLayout();
        QCoreApplication::quit();
    });
    quit->setShortcut(QKeySequence::Quit);

    for (int i = 0; i < 9; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { chooseState(i); });
    }

    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_statePicker, &QComboBox::activated, this, &BoardWindow::chooseState);
    // "Clear after" chosen after the state applies to the state I have.
    connect(m_clearAfter, &QComboBox::activated, this,
        [this] { chooseState(m_statePicker->currentIndex()); });
    connect(m_tray, &StatusTray::stateChosen, this, &BoardWindow::chooseState);
    connect(&m_connection, &Connection::signedIn, m_tray, [this](const QJsonObject &user) {
        m_tray->setMyUserId(user.value(QStringLiteral("id")).toString());
    });
    m_tray->setMyUserId(m_connection.user().value(QStringLiteral("id")).toString());
    connect(m_search, &QLineEdit::textChanged, m_people, &PeopleFilterModel::setSearch);
    // Enter in the message field (re)sets my current state with the new text and end.
    connect(m_message, &QLineEdit::returnPressed, this,
        [this] { chooseState(m_statePicker->currentIndex()); });
    // Pictures are fetched with the current session's token, from the server the app talks to.
    auto followServer = [this] {
        m_avatars.setServer(AvatarCache::httpBaseFor(m_connection.url()), m_connection.token());
    };
    connect(&m_connection, &Connection::tokenChanged, this, followServer);
    followServer();
    connect(&m_connection, &Connection::signedIn, this, followServer);
    // The models load themselves when the connection signs in or resyncs, and follow pushes.
    connect(&m_teams, &QAbstractItemModel::modelReset, this, &BoardWindow::fillTeamPicker);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &BoardWindow::openOnMyTeam);
    connect(&m_model, &PresenceModel::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not load the board: %1").arg(message), 8000);
    });
    connect(m_teamPicker, &QComboBox::activated, this, [this] {
        m_teamChosen = true;
        m_model.setTeamId(shownTeam());
    });
    connect(&m_connection, &Connection::stateChanged, this, &BoardWindow::onConnectionState);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &BoardWindow::syncMyState);
    connect(m_model.states(), &QAbstractItemModel::modelReset, this, &BoardWindow::syncMyState);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &BoardWindow::syncMyState);
    // My name and role may change while signed in (profile.changed).
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &BoardWindow::onConnectionState);
    auto updateCount = [this] {
        m_countLabel->setText(
            tr("%1 of %2 online").arg(m_model.onlineCount()).arg(m_model.rowCount()));
    };
    connect(&m_model, &QAbstractItemModel::modelReset, this, updateCount);
    connect(&m_model, &PresenceModel::onlineCountChanged, this, updateCount);

    // "Time since" moves on by itself.
    m_tick.setInterval(std::chrono::seconds(30));
    connect(&m_tick, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_tick.start();

    restoreLayout();
    onConnectionState();
    m_teams.setConnection(&m_connection);
    m_model.setConnection(&m_connection);
}

void BoardWindow::setUpAutoAway(QMenu *menu)
{
    menu->setObjectName(QStringLiteral("autoAwayMenu"));
    auto *choices = new QActionGroup(menu);
    const int chosen = QSettings().value(QStringLiteral("autoAway/minutes"), 10).toInt();
    for (const int minutes : {0, 5, 10, 15, 30, 60}) {
        QAction *a = menu->addAction(
            minutes == 0 ? tr("Off") : tr("After %n minute(s) idle", nullptr, minutes));
        a->setCheckable(true);
        a->setChecked(minutes == chosen);
        a->setActionGroup(choices);
        connect(a, &QAction::triggered, this, [this, minutes] {
            QSettings().setValue(QStringLiteral("autoAway/minutes"), minutes);
            m_autoAway.setThreshold(std::chrono::minutes(minutes));
        });
    }
    m_autoAway.setThreshold(std::chrono::minutes(chosen));
    connect(&m_idle, &IdleMonitor::idleTime, &m_autoAway, &AutoAway::observeIdle);
    // Offered only where the desktop tells idle time; said plainly otherwise.
    auto reflect = [this, menu](bool supported) {
        menu->setEnabled(supported);
        menu->setToolTip(supported ? QString()
                                   : tr("This desktop does not tell applications how long it "
                                        "has been idle"));
        menu->setToolTipsVisible(!supported);
    };
    connect(&m_idle, &IdleMonitor::supportChanged, menu, reflect);
    reflect(true); // until the first poll says otherwise
    m_idle.start(std::chrono::seconds(15));
}

void BoardWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(560, 720);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void BoardWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void BoardWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // With a tray icon, closing the window keeps Muster running (and my status live) in the tray.
    if (m_tray->isVisible()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
}

QString BoardWindow::shownTeam() const
{
    return m_teamPicker->currentData().toString();
}

void BoardWindow::refresh()
{
    m_teams.reload();
    m_model.reload();
}

void BoardWindow::openOnMyTeam()
{
    // The first board (everyone's) tells which team is mine: open on it, whatever my role.
    if (m_teamChosen || !m_myTeamId.isEmpty())
        return;
    const Person *me = m_model.person(m_connection.user().value(QStringLiteral("id")).toString());
    if (!me)
        return;
    m_myTeamId = me->teamId;
    const int row = m_teamPicker->findData(m_myTeamId);
    if (row >= 0)
        m_teamPicker->setCurrentIndex(row);
    m_model.setTeamId(shownTeam());
}

void BoardWindow::fillTeamPicker()
{
    const QString current = shownTeam();
    const QSignalBlocker block(m_teamPicker);
    m_teamPicker->clear();
    // Everyone at once is the admins' view ("god mode").
    if (roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
            .value_or(Role::Banned)
        >= Role::Admin)
        m_teamPicker->addItem(tr("Everyone"), QString());
    for (const Team &team : m_teams.activeTeams())
        m_teamPicker->addItem(team.name, team.id);
    const QString wanted = m_teamChosen || m_myTeamId.isEmpty() ? current : m_myTeamId;
    const int row = m_teamPicker->findData(wanted);
    m_teamPicker->setCurrentIndex(row >= 0 ? row : 0);
    m_teamPicker->setVisible(m_teamPicker->count() > 1);
    // Before the first board has said which team is mine, the board stays on everyone's.
    if (m_teamChosen || !m_myTeamId.isEmpty())
        m_model.setTeamId(shownTeam());
}

void BoardWindow::chooseState(int row)
{
    const QModelIndex state = m_model.states()->index(row);
    if (!state.isValid())
        return;
    m_board
        .setState(
            state.data(StateListModel::IdRole).toString(), m_message->text().trimmed(), chosenEnd())
        ->then(this, [this](const QJsonValue &, const RpcError &error) {
            --m_changesOnTheirWay;
            if (error.isValid()) {
                statusBar()->showMessage(
                    tr("Your status was not changed: %1").arg(error.message), 8000);
                syncMyState();
            }
        });
    ++m_changesOnTheirWay;
    // Shown at once; the push that follows confirms it, an error puts it back.
    const QSignalBlocker block(m_statePicker);
    m_statePicker->setCurrentIndex(row);
}

QDateTime BoardWindow::chosenEnd() const
{
    const int seconds = m_clearAfter->currentData().toInt();
    const QDateTime now = QDateTime::currentDateTime();
    if (seconds > 0)
        return now.addSecs(seconds);
    if (seconds < 0) // today: the end of the local day
        return QDateTime(now.date(), QTime(23, 59, 59));
    return {};
}

void BoardWindow::syncMyState()
{
    const Person *me = m_model.person(m_connection.user().value(QStringLiteral("id")).toString());
    if (!me)
        return;
    const QSignalBlocker block(m_statePicker);
    m_statePicker->setCurrentIndex(m_model.states()->rowOf(me->stateId));
    // Follow the server (another device, or the state clearing itself) unless I am typing.
    if (!m_message->hasFocus())
        m_message->setText(me->message);
    // A push of an earlier change of mine (no end yet) must not undo the end just chosen.
    if (!me->until.isValid() && m_changesOnTheirWay == 0)
        m_clearAfter->setCurrentIndex(0);
}

void BoardWindow::onConnectionState()
{
    const QJsonObject user = m_connection.user();
    // The board knows my name best: it follows renames made while signed in.
    const Person *me = m_model.person(user.value(QStringLiteral("id")).toString());
    const QString myName
        = me ? me->displayName : user.value(QStringLiteral("displayName")).toString();
    QString text;
    QString color;
    switch (m_connection.state()) {
    case Connection::State::Ready:
        text = tr("Connected as %1 — %2")
                   .arg(myName, user.value(QStringLiteral("organisationName")).toString());
        color = QStringLiteral("#2eb85c");
        // Qt adds the application's name ("… — Muster") itself.
        setWindowTitle(user.value(QStringLiteral("organisationName")).toString());
        break;
    case Connection::State::Connecting:
    case Connection::State::Authenticating:
    case Connection::State::Open: // the app always signs in; open only on the way there
        text = tr("Connecting…");
        color = QStringLiteral("#d9822b");
        break;
    case Connection::State::Reconnecting:
        text = tr("Connection lost — reconnecting…");
        color = QStringLiteral("#d9822b");
        break;
    case Connection::State::Disconnected:
        text = tr("Offline");
        color = QStringLiteral("#c0392b");
        break;
    }
    m_connectionLabel->setText(
        QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(color, text.toHtmlEscaped()));
    const bool ready = m_connection.state() == Connection::State::Ready;
    m_statePicker->setEnabled(ready);
    m_view->setEnabled(ready || m_model.rowCount() > 0);
}

} // namespace Muster
