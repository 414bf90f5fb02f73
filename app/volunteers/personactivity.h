// What one person has done, for the manager who chose them in Volunteers: their shifts in the
// active event, their rewards (handed over from here), their notices and whether they have read
// them, and their history from the audit trail (what they did and what was done to them). Each
// tab says how many it holds.
#pragma once

#include "models/historymodel.h"
#include "models/notificationlistmodel.h"
#include "models/rewardlistmodel.h"
#include "models/timeentrylistmodel.h"

#include <QTabWidget>

class QLabel;
class QListView;
class QVBoxLayout;

namespace Muster {

class Connection;
class TeamListModel;

class PersonActivity : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { ShiftsTab, RewardsTab, NoticesTab, HistoryTab };

    PersonActivity(Connection &connection, TeamListModel &teams, QWidget *parent = nullptr);

    // Loads what is theirs when it is someone else than shown; "" shows nobody.
    void showPerson(const QString &userId);
    // Something of the person's changed (a shift, a role, a reward): what has no pushes of its
    // own, the rewards they may have earned and the notices they got, loads again; the history
    // catches up, keeping the place of whoever scrolled down it.
    void refresh();

    TimeEntryListModel &shifts() { return m_shifts; }
    RewardListModel &rewards() { return m_rewards; }
    NotificationListModel &notices() { return m_notices; }
    HistoryModel &history() { return m_history; }

Q_SIGNALS:
    void handOverWanted(const QString &rewardId);

private:
    QWidget *scrolledRows(QVBoxLayout *rows, QLabel *empty);
    QWidget *withEmptyText(QWidget *view, QLabel *empty);
    void rebuildRewards();
    void rebuildNotices();
    void updateTitles();

    QString m_userId;
    TimeEntryListModel m_shifts;
    RewardListModel m_rewards;
    NotificationListModel m_notices;
    HistoryModel m_history;
    QVBoxLayout *m_rewardRows;
    QLabel *m_noRewards;
    QVBoxLayout *m_noticeRows;
    QLabel *m_noNotices;
    QListView *m_historyView;
    QLabel *m_noShifts;
    QLabel *m_noHistory;
};

} // namespace Muster
