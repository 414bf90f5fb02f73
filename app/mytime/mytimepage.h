// My time (everyone): the shift under way, today's and the event's hours worked and earned, the
// rewards with how far the next one is, the notices to acknowledge (a shift the end of the day
// stopped asks when I really stopped, for a manager to approve), and what a kiosk asks for:
// my kiosk PIN, and a quick code shown large with its 30-second countdown. Staff and above may
// clock in and out here; volunteers do that at a kiosk.
#pragma once

#include "client/correctionsclient.h"
#include "client/timeclockclient.h"
#include "models/bonuslistmodel.h"
#include "models/correctionlistmodel.h"
#include "models/eventlistmodel.h"
#include "models/mytotals.h"
#include "models/notificationlistmodel.h"
#include "models/rewardlistmodel.h"
#include "models/teamlistmodel.h"
#include "models/timeentrylistmodel.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QFrame;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace Muster {

class Connection;

class MyTimePage : public QWidget
{
    Q_OBJECT
public:
    // notices: the window's own list of my notices (it announces them from the tray too).
    MyTimePage(Connection &connection, NotificationListModel &notices, QWidget *parent = nullptr);

    MyTotals &totals() { return m_totals; }
    NotificationListModel &notices() { return m_notices; }
    RewardListModel &rewards() { return m_rewards; }
    TimeEntryListModel &entries() { return m_entries; }
    CorrectionListModel &corrections() { return m_corrections; }

    // What the figures say now, for a test or a screen reader: "this shift", "today", "worked",
    // "earned", "shifts".
    QString figure(const QString &name) const;
    // The progress line of each reward, in order ("Hoodie: 3.2 h to go").
    QStringList rewardLines() const;
    // The line under the PIN and quick code: what happened.
    QString kioskMessage() const;
    // The quick code on show, "" when none (expired or never asked for).
    QString quickCode() const;
    int quickCodeSecondsLeft() const;

    void clockIn(const QString &teamId);
    void clockOut();
    void setPin(const QString &pin, const QString &repeated);
    void removePin();
    void showQuickCode();
    void acknowledge(const QString &notificationId);
    // Answers a shift's "stopped automatically" notice: I really stopped at `stop`.
    void requestCorrection(
        const QString &notificationId, const QDateTime &stop, const QString &note);

private:
    void refreshShift();
    void refreshFigures();
    void rebuildRewards();
    void rebuildNotices();
    // Under a "stopped automatically" notice: the question while it waits, then the answer's fate.
    void addCorrectionRows(const Notification &notice, QFrame *card, QVBoxLayout *rows);
    void tickQuickCode();
    void showKioskMessage(const QString &text, bool problem = false);
    void showShiftMessage(const QString &text, bool problem = false);
    bool deskClocking() const; // staff and above may clock in here
    bool mayUseQuickCode() const; // leads and above use their PIN instead
    // The ongoing shift's earned time up to now: the server's count runs on with the bonus windows.
    qint64 earnedNow(const QDateTime &now) const;

    Connection &m_connection;
    TimeclockClient m_timeclock;
    CorrectionsClient m_correctionsClient;
    EventListModel m_events;
    MyTotals m_totals;
    TimeEntryListModel m_entries;
    RewardListModel m_rewards;
    BonusListModel m_bonuses;
    NotificationListModel &m_notices;
    TeamListModel m_teams;
    CorrectionListModel m_corrections; // mine

    QLabel *m_event;
    QLabel *m_shift;
    QComboBox *m_team;
    QPushButton *m_clockIn;
    QPushButton *m_clockOut;
    QLabel *m_shiftMessage;
    QLabel *m_today;
    QLabel *m_worked;
    QLabel *m_earned;
    QLabel *m_shifts;
    QGroupBox *m_rewardsBox;
    QVBoxLayout *m_rewardRows;
    QGroupBox *m_noticesBox;
    QVBoxLayout *m_noticeRows;
    QLineEdit *m_pin;
    QLineEdit *m_pinAgain;
    QPushButton *m_setPin;
    QPushButton *m_removePin;
    QPushButton *m_quickCodeButton;
    QLabel *m_quickCode;
    QProgressBar *m_quickCodeLeft;
    QLabel *m_kioskMessage;
    QTimer m_tick; // the running shift and the figures, every few seconds
    QTimer m_codeTick; // the quick code's countdown, every second
    QDateTime m_codeExpires;
    int m_codeSeconds = 30;
    bool m_busy = false;
    // What was typed into a notice's question, kept while the notices are drawn anew.
    QHash<QString, QDateTime> m_stopDrafts;
    QHash<QString, QString> m_noteDrafts;
    QString m_questionZone; // the time zone the stopped shifts' questions are asked in
};

} // namespace Muster
