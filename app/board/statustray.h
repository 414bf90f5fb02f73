// The tray icon: shows my state's colour, sets my state from its menu, and brings the board back.
// The menu exists even where there is no system tray, so it can be tested and reused.
#pragma once

#include <QMenu>
#include <QObject>
#include <QPointer>

#include <memory>

class QActionGroup;
class QSystemTrayIcon;
class QWidget;

namespace Muster {

class PresenceModel;

class StatusTray : public QObject
{
    Q_OBJECT
public:
    StatusTray(PresenceModel &model, QWidget *window, QObject *parent = nullptr);
    ~StatusTray() override;

    // Whom the tray speaks for; "" until signed in.
    void setMyUserId(const QString &userId);
    bool isVisible() const; // a tray icon is shown (a system tray exists)
    QMenu *menu() { return &m_menu; }
    // A desktop notification from the tray (a reward to collect, a shift stopped for me); where
    // there is no tray it is kept as the last one, for the window to show instead.
    void notify(const QString &title, const QString &body);
    QString lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    void stateChosen(int row); // a row of the model's states
    void notificationClicked();

private:
    void rebuildMenu();
    void refreshIcon();

    PresenceModel &m_model;
    QPointer<QWidget> m_window;
    QString m_myUserId;
    QMenu m_menu;
    QActionGroup *m_group = nullptr;
    std::unique_ptr<QSystemTrayIcon> m_icon;
    QString m_lastNotification;
};

} // namespace Muster
