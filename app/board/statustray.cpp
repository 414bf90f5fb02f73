// See statustray.h.
#include "statustray.h"

#include "models/presencemodel.h"

#include <QActionGroup>
#include <QApplication>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Muster {

namespace {

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 4));
    p.setBrush(color.isValid() ? color : QColor(Qt::gray));
    p.drawEllipse(QRectF(6, 6, 52, 52));
    return QIcon(pixmap);
}

} // namespace

StatusTray::StatusTray(PresenceModel &model, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = std::make_unique<QSystemTrayIcon>();
        m_icon->setContextMenu(&m_menu);
        m_icon->setToolTip(tr("Muster"));
        connect(m_icon.get(), &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger && m_window) {
                    m_window->show();
                    m_window->raise();
                    m_window->activateWindow();
                }
            });
        connect(
            m_icon.get(), &QSystemTrayIcon::messageClicked, this, &StatusTray::notificationClicked);
        m_icon->show();
    }
    connect(m_model.states(), &QAbstractItemModel::modelReset, this, &StatusTray::rebuildMenu);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &StatusTray::refreshIcon);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &StatusTray::refreshIcon);
    rebuildMenu();
}

StatusTray::~StatusTray() = default;

void StatusTray::notify(const QString &title, const QString &body)
{
    m_lastNotification = body.isEmpty() ? title : title + u'\n' + body;
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, body, QSystemTrayIcon::Information);
}

bool StatusTray::isVisible() const
{
    return m_icon && m_icon->isVisible();
}

void StatusTray::setMyUserId(const QString &userId)
{
    m_myUserId = userId;
    refreshIcon();
}

void StatusTray::rebuildMenu()
{
    m_menu.clear();
    delete m_group;
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    m_menu.addAction(tr("Show the board"), this, [this] {
        if (m_window) {
            m_window->show();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_menu.addSeparator();
    StateListModel *states = m_model.states();
    for (int row = 0; row < states->rowCount(); ++row) {
        const QModelIndex i = states->index(row);
        QAction *action
            = m_menu.addAction(dotIcon(QColor(i.data(StateListModel::ColorRole).toString())),
                i.data(StateListModel::LabelRole).toString(), this,
                [this, row] { Q_EMIT stateChosen(row); });
        action->setCheckable(true);
        action->setData(i.data(StateListModel::IdRole));
        // The time clock's shift state is shown (it may be mine) but, as in the window, not
        // picked by hand: the server would refuse it.
        action->setEnabled(!i.data(StateListModel::ShiftRole).toBool());
        m_group->addAction(action);
    }
    m_menu.addSeparator();
    m_menu.addAction(tr("Quit Muster"), this, [this] {
        if (m_window)
            m_window->close(); // saves the window's layout; then leave for good
        QCoreApplication::quit();
    });
    refreshIcon();
}

void StatusTray::refreshIcon()
{
    const Person *me = m_model.person(m_myUserId);
    const StatusState *state = me ? m_model.states()->stateById(me->stateId) : nullptr;
    for (QAction *action : m_group->actions())
        action->setChecked(state && action->data().toString() == state->id);
    if (m_icon) {
        m_icon->setIcon(dotIcon(state ? QColor(state->color) : QColor()));
        m_icon->setToolTip(state ? tr("Muster — %1").arg(state->label) : tr("Muster"));
    }
}

} // namespace Muster
