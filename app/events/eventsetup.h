// What an event offers its volunteers, under the Events list: its bonus windows (when whose time
// counts more) and its rewards (what earned hours bring). Administrators add, change and remove
// them while the event is open; everyone else, and a past event, shows them read-only. Live: the
// lists follow other administrators' changes.
#pragma once

#include "client/eventsclient.h"
#include "domain/event.h"
#include "models/bonuslistmodel.h"
#include "models/rewardlistmodel.h"
#include "models/teamlistmodel.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Muster {

class BonusEditor;
class BonusTimeline;
class Connection;
class RewardEditor;

class EventSetup : public QWidget
{
    Q_OBJECT
public:
    EventSetup(Connection &connection, EventsClient &client, QWidget *parent = nullptr);

    // The event shown; mayChange: the caller may change it (an administrator, the event open).
    void setEvent(const Event &event, bool mayChange);
    BonusListModel &bonuses() { return m_bonuses; }
    RewardListModel &rewards() { return m_rewards; }
    const BonusTimeline &timeline() const { return *m_timeline; }
    // The lines as shown, for a test: "Fri 4 Dec 2026, 14:00 – 18:00 · 2× · Kitchen".
    QStringList bonusLines() const;
    QStringList rewardLines() const;
    QString message() const;

    BonusEditor *addBonus();
    BonusEditor *editBonus(int row);
    void deleteBonus(int row);
    RewardEditor *addReward();
    RewardEditor *editReward(int row);
    void deleteReward(int row);

private:
    void rebuildBonuses();
    void rebuildRewards();
    void saveBonus(BonusEditor *editor);
    void saveReward(RewardEditor *editor);
    void showMessage(const QString &text, bool problem = false);
    QString teamNames(const QList<QUuid> &teamIds) const;

    Connection &m_connection;
    EventsClient &m_client;
    Event m_event;
    bool m_mayChange = false;
    BonusListModel m_bonuses;
    RewardListModel m_rewards;
    TeamListModel m_teams;
    QGroupBox *m_bonusBox;
    QVBoxLayout *m_bonusRows;
    BonusTimeline *m_timeline;
    QPushButton *m_addBonus;
    QGroupBox *m_rewardBox;
    QVBoxLayout *m_rewardRows;
    QPushButton *m_addReward;
    QLabel *m_message;
};

} // namespace Muster
