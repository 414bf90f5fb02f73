// Someone's card, opened from the board (double-click or Enter): their picture, name, team, state
// with its message whole (the board cuts long ones), since when, and for managers their hours in
// the active event. It follows the person live while it is open.
#pragma once

#include "client/timeclockclient.h"

#include <QDialog>

class QLabel;

namespace Muster {

class AvatarCache;
class Connection;
class PresenceModel;
class TeamListModel;

class PersonCard : public QDialog
{
    Q_OBJECT
public:
    PersonCard(Connection &connection, PresenceModel &people, const TeamListModel &teams,
        AvatarCache &avatars, const QString &userId, QWidget *parent = nullptr);

    QString userId() const { return m_userId; }
    // The card's lines as shown: name, team, state, message, since, hours (managers).
    QStringList lines() const;

private:
    void refresh();
    void loadHours();

    Connection &m_connection;
    PresenceModel &m_people;
    const TeamListModel &m_teams;
    AvatarCache &m_avatars;
    TimeclockClient m_timeclock;
    QString m_userId;
    QLabel *m_picture;
    QLabel *m_name;
    QLabel *m_team;
    QLabel *m_state;
    QLabel *m_message;
    QLabel *m_since;
    QLabel *m_hours;
};

} // namespace Muster
