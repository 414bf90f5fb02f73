// Forgotten clock-outs and what people said of them, as corrections.list orders them: the ones
// waiting for a manager first, oldest first, then the decided, newest first. Given a connection
// it loads the active event's requests (a manager gets everyone's, anyone else their own) and
// applies corrections.changed in place, so two managers never decide the same request twice
// unknowingly. A table for the desktop (a column per field) and roles for QML.
#pragma once

#include "client/correctionsclient.h"
#include "domain/stopcorrection.h"
#include "models/connectionfeed.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace Muster {

class CorrectionListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
public:
    enum Column {
        PersonColumn,
        TeamColumn,
        StartColumn,
        AutoStopColumn,
        RequestedStopColumn,
        ChangeColumn,
        NoteColumn,
        StatusColumn,
    };
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        EntryIdRole, // QString
        UserIdRole, // QString
        PendingRole, // bool
        StartRole, // QDateTime (UTC)
        AutoStopRole, // QDateTime (UTC)
        RequestedStopRole, // QDateTime (UTC)
        StatusTextRole, // QString: "Waiting for a manager", "Approved by …", "Refused by …: why"
    };
    Q_ENUM(Roles)

    explicit CorrectionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConnection(Connection *connection);
    bool isLoaded() const { return m_loaded; }
    void reset(const QJsonArray &corrections);
    // Puts in what the answer to a request of one's own brought, replacing the correction with its
    // id; kept over a load under way (ConnectionFeed::keep).
    void upsert(const StopCorrection &correction);
    const StopCorrection *correctionAt(int row) const;
    // The request about a shift, if any: there is at most one per shift.
    const StopCorrection *forEntry(const QUuid &entryId) const;
    int rowOf(const QUuid &correctionId) const;
    int pendingCount() const;
    // Where the request stands, in a sentence ("Waiting for a manager", "Refused by Mona: …").
    static QString statusText(const StopCorrection &correction);

public Q_SLOTS:
    void reload();
    void clear();

Q_SIGNALS:
    void loadFailed(const QString &message);
    void loadedChanged();
    void pendingCountChanged();

private:
    // What upsert and pushes change: one correction in, or replaced.
    void merge(const StopCorrection &correction);
    static bool before(const StopCorrection &a, const StopCorrection &b);

    ConnectionFeed m_feed;
    std::unique_ptr<CorrectionsClient> m_client;
    QList<StopCorrection> m_corrections;
    bool m_loaded = false;
};

} // namespace Muster
