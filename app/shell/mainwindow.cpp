// See mainwindow.h.
#include "mainwindow.h"

#include "admin/administrationplace.h"
#include "attendees/attendeelogspage.h"
#include "board/boardpage.h"
#include "board/organisationswindow.h"
#include "board/statedecorationproxy.h"
#include "board/statustray.h"
#include "chat/chatplace.h"
#include "client/connection.h"
#include "common/errortext.h"
#include "events/eventspage.h"
#include "kiosks/kioskspage.h"
#include "mytime/mytimepage.h"
#include "profile/profiledialog.h"
#include "reports/reportspage.h"
#include "shifts/shiftspage.h"
#include "volunteers/volunteerspage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>

namespace Muster {

MainWindow::MainWindow(Connection &connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_board(&connection)
    , m_autoAway(connection, m_model)
    , m_states(new StateDecorationProxy(this))
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_statePicker(new QComboBox(this))
    , m_message(new QLineEdit(this))
    , m_clearAfter(new QComboBox(this))
    , m_connectionLabel(new QLabel(this))
    , m_tray(new StatusTray(m_model, this, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Muster"));
    m_states->setSourceModel(m_model.states());
    m_states->setShiftChoosable(false);
    m_avatars.setDiskDirectory(
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/avatars");

    m_statePicker->setObjectName(QStringLiteral("statePicker"));
    m_statePicker->setModel(m_states);
    m_statePicker->setMinimumContentsLength(14);
    m_statePicker->setToolTip(tr("Your status (Ctrl+1 … Ctrl+9)"));
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

    QToolBar *bar = addToolBar(tr("Status"));
    bar->setObjectName(QStringLiteral("statusToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("My status: "), this));
    bar->addWidget(m_statePicker);
    bar->addWidget(m_message);
    bar->addWidget(m_clearAfter);

    // The sidebar: places, by what people do, not by server method.
    m_sidebar->setObjectName(QStringLiteral("places"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFocusPolicy(Qt::TabFocus);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    QFont placeFont = m_sidebar->font();
    placeFont.setPointSizeF(placeFont.pointSizeF() * 1.1);
    m_sidebar->setFont(placeFont);
    m_sidebar->setSpacing(2);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *rule = new QFrame(central);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addPlace(QStringLiteral("board"), tr("Board"), Role::Volunteer, [this] {
        m_boardPage = new BoardPage(m_connection, m_model, m_avatars, this);
        return m_boardPage;
    });
    addPlace(QStringLiteral("mytime"), tr("My time"), Role::Volunteer,
        [this] { return new MyTimePage(m_connection, m_notices, this); });
    addPlace(QStringLiteral("chat"), tr("Chat"), Role::Staff,
        [this] { return new ChatPlace(m_chatDesk, m_model, this); });
    addPlace(QStringLiteral("shifts"), tr("Shifts"), Role::Manager,
        [this] { return new ShiftsPage(m_connection, this); });
    addPlace(QStringLiteral("volunteers"), tr("Volunteers"), Role::Manager,
        [this] { return new VolunteersPage(m_connection, this); });
    addPlace(QStringLiteral("events"), tr("Events"), Role::Manager,
        [this] { return new EventsPage(m_connection, this); });
    addPlace(QStringLiteral("kiosks"), tr("Kiosks"), Role::Lead,
        [this] { return new KiosksPage(m_connection, this); });
    addPlace(
        QStringLiteral("attendees"), tr("Attendee logs"), Role::Manager,
        [this] { return new AttendeeLogsPage(m_connection, this); },
        [this] { return m_keptLogs.rowCount() > 0; });
    addPlace(QStringLiteral("reports"), tr("Reports"), Role::Manager,
        [this] { return new ReportsPage(m_connection, this); });
    addPlace(QStringLiteral("administration"), tr("Administration"), Role::Manager,
        [this] { return new AdministrationPlace(m_connection, this); });
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onPlaceChosen);
    connect(&m_connection, &Connection::userChanged, this, &MainWindow::offerPlaces);

    setUpMenus();
    for (int i = 0; i < 9; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { chooseState(i); });
    }
    statusBar()->addWidget(m_connectionLabel, 1);

    connect(m_statePicker, &QComboBox::activated, this, &MainWindow::chooseState);
    // "Clear after" chosen after the state applies to the state I have.
    connect(m_clearAfter, &QComboBox::activated, this,
        [this] { chooseState(m_statePicker->currentIndex()); });
    connect(m_tray, &StatusTray::stateChosen, this, &MainWindow::chooseState);
    auto followMe = [this] {
        m_tray->setMyUserId(m_connection.user().value(QStringLiteral("id")).toString());
    };
    connect(&m_connection, &Connection::userChanged, m_tray, followMe);
    followMe();
    // Enter in the message field (re)sets my current state with the new text and end.
    connect(m_message, &QLineEdit::returnPressed, this,
        [this] { chooseState(m_statePicker->currentIndex()); });
    // Pictures are fetched with the current session's token, from the server the app talks to.
    auto followServer = [this] {
        m_avatars.setServer(AvatarCache::httpBaseFor(m_connection.url()), m_connection.token());
    };
    connect(&m_connection, &Connection::tokenChanged, this, followServer);
    connect(&m_connection, &Connection::signedIn, this, followServer);
    followServer();
    connect(&m_model, &PresenceModel::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not load the board: %1").arg(message), 8000);
    });
    connect(&m_connection, &Connection::stateChanged, this, &MainWindow::onConnectionState);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &MainWindow::syncMyState);
    connect(m_model.states(), &QAbstractItemModel::modelReset, this, &MainWindow::syncMyState);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::syncMyState);
    // My name may change while signed in (profile.changed).
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::onConnectionState);

    connect(&m_notices, &QAbstractItemModel::modelReset, this, &MainWindow::onNoticesLoaded);
    connect(&m_notices, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { onNoticesAdded(first, last); });
    connect(&m_chatDesk, &ChatDesk::clientArrived, this, &MainWindow::onClientArrived);
    connect(&m_chatDesk, &ChatDesk::attentionChanged, this, &MainWindow::showChatAttention);
    connect(m_tray, &StatusTray::notificationClicked, this, [this] {
        showPlace(m_notifiedPlace.isEmpty() ? QStringLiteral("mytime") : m_notifiedPlace);
        show();
        raise();
        activateWindow();
    });

    restoreLayout();
    offerPlaces();
    onConnectionState();
    m_model.setConnection(&m_connection);
    m_notices.setConnection(&m_connection);
    connect(&m_keptLogs, &QAbstractItemModel::modelReset, this, &MainWindow::offerPlaces);
    connect(&m_keptLogs, &QAbstractItemModel::rowsInserted, this, &MainWindow::offerPlaces);
    connect(&m_keptLogs, &QAbstractItemModel::rowsRemoved, this, &MainWindow::offerPlaces);
    m_keptLogs.setConnection(&m_connection);
}

void MainWindow::onNoticesLoaded()
{
    // A notice that waits for me (a shift the day boundary stopped) comes before anything else.
    if (m_notices.waitingCount() > 0)
        showPlace(QStringLiteral("mytime"));
}

void MainWindow::onNoticesAdded(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const Notification *n = m_notices.notificationAt(row);
        if (n && !n->acknowledged) {
            m_notifiedPlace = QStringLiteral("mytime");
            m_tray->notify(n->title, n->body);
        }
    }
    if (m_notices.waitingCount() > 0)
        showPlace(QStringLiteral("mytime"));
}

void MainWindow::onClientArrived(const QString &alias, const QString &topic)
{
    // Heard and seen even when Muster is behind other windows: a client in distress waits.
    QApplication::beep();
    QApplication::alert(this);
    m_notifiedPlace = QStringLiteral("chat");
    m_tray->notify(
        tr("A client is waiting"), topic.isEmpty() ? alias : tr("%1 — %2").arg(alias, topic));
}

void MainWindow::showChatAttention()
{
    // "Chat (3)": clients waiting for someone on duty, and unread messages in my chats.
    for (const Place &place : m_places) {
        if (place.name != QLatin1String("chat"))
            continue;
        const int count = m_chatDesk.attention();
        place.item->setText(count > 0 ? tr("Chat (%1)").arg(count) : tr("Chat"));
        QFont font = m_sidebar->font();
        font.setBold(count > 0);
        place.item->setFont(font);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::addPlace(const QString &name, const QString &title, Role minimum,
    std::function<QWidget *()> make, std::function<bool()> alsoFor)
{
    auto *item = new QListWidgetItem(title, m_sidebar);
    item->setData(Qt::UserRole, name);
    item->setSizeHint(QSize(item->sizeHint().width(), m_sidebar->fontMetrics().height() * 2));
    m_places.push_back({name, minimum, std::move(make), std::move(alsoFor), item, nullptr});
}

Role MainWindow::myRole() const
{
    return roleFromName(m_connection.user().value(QStringLiteral("role")).toString())
        .value_or(Role::Banned);
}

void MainWindow::offerPlaces()
{
    const Role role = myRole();
    m_chatDesk.setConnection(
        roleAtLeast(role, Role::Staff) ? &m_connection : nullptr, roleAtLeast(role, Role::Manager));
    int widest = 0;
    for (Place &place : m_places) {
        const bool offered = roleAtLeast(role, place.minimum)
            || (role != Role::Banned && place.alsoFor && place.alsoFor());
        place.item->setHidden(!offered);
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(place.item->text()));
    }
    m_sidebar->setFixedWidth(widest + m_sidebar->fontMetrics().averageCharWidth() * 6);
    // A place taken away (a role lowered while signed in) gives way to the first one left.
    QListWidgetItem *current = m_sidebar->currentItem();
    if (!current || current->isHidden()) {
        for (const Place &place : m_places) {
            if (!place.item->isHidden()) {
                m_sidebar->setCurrentItem(place.item);
                return;
            }
        }
    }
}

QStringList MainWindow::offeredPlaces() const
{
    QStringList names;
    for (const Place &place : m_places) {
        if (!place.item->isHidden())
            names.append(place.name);
    }
    return names;
}

QString MainWindow::currentPlace() const
{
    const QListWidgetItem *item = m_sidebar->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool MainWindow::showPlace(const QString &name)
{
    for (const Place &place : m_places) {
        if (place.name == name && !place.item->isHidden()) {
            m_sidebar->setCurrentItem(place.item);
            return true;
        }
    }
    return false;
}

QWidget *MainWindow::placePage(const QString &name) const
{
    for (const Place &place : m_places) {
        if (place.name == name)
            return place.page;
    }
    return nullptr;
}

void MainWindow::onPlaceChosen()
{
    const QString name = currentPlace();
    for (Place &place : m_places) {
        if (place.name != name)
            continue;
        // Pages are made when first visited: a volunteer never loads what managers see.
        if (!place.page) {
            place.page = place.make();
            place.page->setObjectName(place.name + u"Place");
            m_pages->addWidget(place.page);
        }
        m_pages->setCurrentWidget(place.page);
        QSettings().setValue(QStringLiteral("window/place"), name);
        return;
    }
}

void MainWindow::setUpMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Muster"));
    QAction *refreshAction = file->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("My &profile…"), this, [this] {
        auto *dialog = new ProfileDialog(m_connection, m_avatars, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    setUpAutoAway(file->addMenu(tr("Auto-&away")));
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
    connect(&m_connection, &Connection::userChanged, everyOrganisation, offerEveryOrganisation);
    offerEveryOrganisation();
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        saveLayout();
        QCoreApplication::quit();
    });
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *docs = help->addAction(tr("&Documentation"), this,
        [] { QDesktopServices::openUrl(QUrl(QStringLiteral(MUSTER_DOCS_URL))); });
    docs->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Muster"), this, [this] {
        QMessageBox::about(this, tr("About Muster"),
            tr("<h3>Muster %1</h3>"
               "<p>Your team's status, the volunteer time clock and consultant chat.</p>"
               "<p>Server: %2<br>Signed in as: %3 (%4)<br>Qt %5</p>"
               "<p>%6</p>")
                .arg(QCoreApplication::applicationVersion(),
                    m_connection.url().toDisplayString().toHtmlEscaped(),
                    m_connection.user()
                        .value(QStringLiteral("displayName"))
                        .toString()
                        .toHtmlEscaped(),
                    roleName(myRole()), QString::fromLatin1(qVersion()),
                    QStringLiteral(MUSTER_LICENCE).toHtmlEscaped()));
    });
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::setUpAutoAway(QMenu *menu)
{
    menu->setObjectName(QStringLiteral("autoAwayMenu"));
    auto *choices = new QActionGroup(menu);
    const int chosen = QSettings().value(QStringLiteral("autoAway/minutes"), 10).toInt();
    for (const int minutes : {0, 5, 10, 15, 30, 60}) {
        QAction *a = menu->addAction(minutes == 0 ? tr("Off")
                : minutes == 60                   ? tr("After 1 hour idle")
                                                  : tr("After %1 minutes idle").arg(minutes));
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

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(760, 720);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // Back where I was, if that place is still mine (offerPlaces falls back otherwise).
    const QString place = settings.value(QStringLiteral("window/place")).toString();
    for (const Place &p : m_places) {
        if (p.name == place && roleAtLeast(myRole(), p.minimum))
            m_sidebar->setCurrentItem(p.item);
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
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

void MainWindow::refresh()
{
    if (m_boardPage)
        m_boardPage->refresh();
    else
        m_model.reload();
}

void MainWindow::chooseState(int row)
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
                    tr("Your status was not changed. %1").arg(errorText(error)), 8000);
                syncMyState();
            }
        });
    ++m_changesOnTheirWay;
    // Shown at once; the push that follows confirms it, an error puts it back.
    const QSignalBlocker block(m_statePicker);
    m_statePicker->setCurrentIndex(row);
}

QDateTime MainWindow::chosenEnd() const
{
    const int seconds = m_clearAfter->currentData().toInt();
    const QDateTime now = QDateTime::currentDateTime();
    if (seconds > 0)
        return now.addSecs(seconds);
    if (seconds < 0) // today: the end of the local day
        return QDateTime(now.date(), QTime(23, 59, 59));
    return {};
}

void MainWindow::syncMyState()
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

void MainWindow::onConnectionState()
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
    m_statePicker->setEnabled(m_connection.isReady());
}

} // namespace Muster
