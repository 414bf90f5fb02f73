// See statelistmodel.h.
#include "statelistmodel.h"

#include <QJsonObject>

#include <algorithm>

namespace Muster {

int StateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_states.size());
}

QVariant StateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatusState &s = m_states.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return s.label;
    case IdRole:
        return s.id;
    case ColorRole:
        return s.color;
    case AvailableRole:
        return s.available;
    case DefaultRole:
        return s.isDefault;
    case ShiftRole:
        return s.shift;
    default:
        return {};
    }
}

QHash<int, QByteArray> StateListModel::roleNames() const
{
    return {
        {IdRole, "stateId"},
        {LabelRole, "label"},
        {ColorRole, "color"},
        {AvailableRole, "available"},
        {DefaultRole, "isDefault"},
        {ShiftRole, "shift"},
    };
}

void StateListModel::reset(const QJsonArray &states)
{
    beginResetModel();
    m_states.clear();
    for (const QJsonValue &v : states)
        m_states.append(StatusState::fromJson(v.toObject()));
    std::stable_sort(m_states.begin(), m_states.end(),
        [](const StatusState &a, const StatusState &b) { return a.order < b.order; });
    endResetModel();
}

const StatusState *StateListModel::stateById(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_states.at(row);
}

int StateListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_states.size(); ++i) {
        if (m_states.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace Muster
