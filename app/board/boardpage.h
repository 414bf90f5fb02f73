// The Board place: the organisation's people live, whose board to show (my team first, everyone
// for admins), a search box, and what an empty or unreachable board means, said in words.
#pragma once

#include "models/teamlistmodel.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;

namespace Muster {

class AvatarCache;
class Connection;
class PeopleFilterModel;
class PresenceModel;

class BoardPage : public QWidget
{
    Q_OBJECT
public:
    BoardPage(Connection &connection, PresenceModel &model, AvatarCache &avatars,
        QWidget *parent = nullptr);

    // Loads teams and people again.
    void refresh();
    // The team shown; "" for everyone.
    QString shownTeam() const;

private:
    void fillTeamPicker();
    void openOnMyTeam();
    void updateCount();
    void showEmptyOrPeople();

    Connection &m_connection;
    PresenceModel &m_model;
    TeamListModel m_teams;
    PeopleFilterModel *m_people;
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_empty;
    QComboBox *m_teamPicker;
    QLineEdit *m_search;
    QLabel *m_countLabel;
    QTimer m_tick;
    QString m_myTeamId; // from the first board, which shows everyone
    bool m_teamChosen = false; // until then the board opens on my own team
};

} // namespace Muster
