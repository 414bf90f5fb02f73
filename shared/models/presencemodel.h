// The people of an organisation with their live state: filled from presence.list and kept
// current by presence.changed pushes. Both UIs show it, the app through a proxy that adds colour.
#pragma once

#include "domain/person.h"
#include "models/statelistmodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Muster {

class PresenceModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1, // QString
        DisplayNameRole, // QString
        LoginRole, // QString
        RoleRole, // QString: "volunteer", "admin", …
        StateIdRole, // QString
        StateLabelRole, // QString: label of the person's state ("" when unknown)
        StateColorRole, // QString: "#rrggbb" of the person's state
        SinceRole, // QDateTime (UTC): when the state was set
        OnlineRole, // bool: at least one live connection
        MessageRole, // QString: status text, "" when none
        UntilRole, // QDateTime (UTC): when the state clears itself; invalid when it does not
        HighlightRole, // QString: "#rrggbb" set by a manager, "" when none
        TeamIdRole, // QString: home team
        AvatarRole, // QString: SHA-256 of the uploaded picture, "" for the generated avatar
    };
    Q_ENUM(Roles)

    explicit PresenceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces everything with a presence.list result.
    void reset(const QJsonObject &snapshot);
    // Replaces the states with a states.changed push; every row's label and colour follow.
    void resetStates(const QJsonArray &states);
    // Applies one presence.changed (or profile.changed) push: the fields it carries change.
    // Returns false for a person the model does not hold.
    bool applyChange(const QJsonObject &change);
    // Follows a push as views of a whole organisation do: states.changed resets the states,
    // presence.changed and profile.changed update their person. Others are ignored.
    void followPush(const QString &method, const QJsonObject &params);

    int rowOf(const QString &userId) const { return m_rowByUser.value(userId, -1); }
    const Person *person(const QString &userId) const;
    StateListModel *states() { return &m_states; }

private:
    void reindex();

    QList<Person> m_people;
    QHash<QString, int> m_rowByUser;
    StateListModel m_states;
};

} // namespace Muster
