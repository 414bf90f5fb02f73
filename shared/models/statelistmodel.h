// The organisation's status states, in their display order; feeds state pickers in both UIs.
#pragma once

#include "domain/statusstate.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>

namespace Muster {

class StateListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString: state id
        LabelRole, // QString: "In a meeting"
        ColorRole, // QString: "#rrggbb"
        AvailableRole, // bool: counts as reachable
        DefaultRole, // bool: the organisation's default state
        ShiftRole, // bool: the time clock's "on shift" state, which nobody picks by hand
    };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QJsonArray &states);
    const StatusState *stateById(const QString &id) const;
    int rowOf(const QString &id) const;

private:
    QList<StatusState> m_states;
};

} // namespace Muster
