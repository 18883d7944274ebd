/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const etransfer = $root.etransfer = (() => {

    /**
     * Namespace etransfer.
     * @exports etransfer
     * @namespace
     */
    const etransfer = {};

    etransfer.Envelope = (function() {

        /**
         * Properties of an Envelope.
         * @typedef {Object} etransfer.Envelope.$Properties
         * @property {number|null} [id] Envelope id
         * @property {etransfer.ServerHello.$Properties|null} [serverHello] Envelope serverHello
         * @property {etransfer.ErrorReply.$Properties|null} [error] Envelope error
         * @property {etransfer.StatRequest.$Properties|null} [statRequest] Envelope statRequest
         * @property {etransfer.StatReply.$Properties|null} [statReply] Envelope statReply
         * @property {etransfer.ListRequest.$Properties|null} [listRequest] Envelope listRequest
         * @property {etransfer.ListReply.$Properties|null} [listReply] Envelope listReply
         * @property {etransfer.PrepareReceive.$Properties|null} [prepareReceive] Envelope prepareReceive
         * @property {etransfer.ReceiveReady.$Properties|null} [receiveReady] Envelope receiveReady
         * @property {etransfer.PrepareSend.$Properties|null} [prepareSend] Envelope prepareSend
         * @property {etransfer.SendReady.$Properties|null} [sendReady] Envelope sendReady
         * @property {etransfer.ConnectData.$Properties|null} [connectData] Envelope connectData
         * @property {etransfer.Ack.$Properties|null} [ack] Envelope ack
         * @property {etransfer.TransferEvent.$Properties|null} [event] Envelope event
         * @property {etransfer.CancelTransfer.$Properties|null} [cancel] Envelope cancel
         * @property {etransfer.Authenticate.$Properties|null} [authenticate] Envelope authenticate
         * @property {etransfer.ExpandRequest.$Properties|null} [expandRequest] Envelope expandRequest
         * @property {etransfer.ExpandReply.$Properties|null} [expandReply] Envelope expandReply
         * @property {etransfer.StatusRequest.$Properties|null} [statusRequest] Envelope statusRequest
         * @property {etransfer.StatusReply.$Properties|null} [statusReply] Envelope statusReply
         * @property {etransfer.PrepareRelay.$Properties|null} [prepareRelay] Envelope prepareRelay
         * @property {etransfer.RelayReady.$Properties|null} [relayReady] Envelope relayReady
         * @property {"serverHello"|"error"|"statRequest"|"statReply"|"listRequest"|"listReply"|"prepareReceive"|"receiveReady"|"prepareSend"|"sendReady"|"connectData"|"ack"|"event"|"cancel"|"authenticate"|"expandRequest"|"expandReply"|"statusRequest"|"statusReply"|"prepareRelay"|"relayReady"} [body] Envelope body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Envelope.
         * @memberof etransfer
         * @interface IEnvelope
         * @augments etransfer.Envelope.$Properties
         * @deprecated Use etransfer.Envelope.$Properties instead.
         */

        /**
         * Narrowed shape of an Envelope.
         * @typedef {{
         *   id?: number|null;
         *   serverHello?: etransfer.ServerHello.$Shape|null;
         *   error?: etransfer.ErrorReply.$Shape|null;
         *   statRequest?: etransfer.StatRequest.$Shape|null;
         *   statReply?: etransfer.StatReply.$Shape|null;
         *   listRequest?: etransfer.ListRequest.$Shape|null;
         *   listReply?: etransfer.ListReply.$Shape|null;
         *   prepareReceive?: etransfer.PrepareReceive.$Shape|null;
         *   receiveReady?: etransfer.ReceiveReady.$Shape|null;
         *   prepareSend?: etransfer.PrepareSend.$Shape|null;
         *   sendReady?: etransfer.SendReady.$Shape|null;
         *   connectData?: etransfer.ConnectData.$Shape|null;
         *   ack?: etransfer.Ack.$Shape|null;
         *   event?: etransfer.TransferEvent.$Shape|null;
         *   cancel?: etransfer.CancelTransfer.$Shape|null;
         *   authenticate?: etransfer.Authenticate.$Shape|null;
         *   expandRequest?: etransfer.ExpandRequest.$Shape|null;
         *   expandReply?: etransfer.ExpandReply.$Shape|null;
         *   statusRequest?: etransfer.StatusRequest.$Shape|null;
         *   statusReply?: etransfer.StatusReply.$Shape|null;
         *   prepareRelay?: etransfer.PrepareRelay.$Shape|null;
         *   relayReady?: etransfer.RelayReady.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "serverHello"; serverHello: etransfer.ServerHello.$Shape; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "error"; serverHello?: null; error: etransfer.ErrorReply.$Shape; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statRequest"; serverHello?: null; error?: null; statRequest: etransfer.StatRequest.$Shape; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statReply"; serverHello?: null; error?: null; statRequest?: null; statReply: etransfer.StatReply.$Shape; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "listRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest: etransfer.ListRequest.$Shape; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "listReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply: etransfer.ListReply.$Shape; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "prepareReceive"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive: etransfer.PrepareReceive.$Shape; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "receiveReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady: etransfer.ReceiveReady.$Shape; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "prepareSend"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend: etransfer.PrepareSend.$Shape; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "sendReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady: etransfer.SendReady.$Shape; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "connectData"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData: etransfer.ConnectData.$Shape; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "ack"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack: etransfer.Ack.$Shape; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "event"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event: etransfer.TransferEvent.$Shape; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "cancel"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel: etransfer.CancelTransfer.$Shape; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "authenticate"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate: etransfer.Authenticate.$Shape; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "expandRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest: etransfer.ExpandRequest.$Shape; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "expandReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply: etransfer.ExpandReply.$Shape; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statusRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest: etransfer.StatusRequest.$Shape; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statusReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply: etransfer.StatusReply.$Shape; prepareRelay?: null; relayReady?: null }|{ body?: "prepareRelay"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay: etransfer.PrepareRelay.$Shape; relayReady?: null }|{ body?: "relayReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady: etransfer.RelayReady.$Shape })
         * )} etransfer.Envelope.$Shape
         */

        /**
         * Constructs a new Envelope.
         * @memberof etransfer
         * @classdesc Represents an Envelope.
         * @constructor
         * @param {etransfer.Envelope.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Envelope = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Envelope id.
         * @member {number} id
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.id = 0;

        /**
         * Envelope serverHello.
         * @member {etransfer.ServerHello.$Properties|null|undefined} serverHello
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.serverHello = null;

        /**
         * Envelope error.
         * @member {etransfer.ErrorReply.$Properties|null|undefined} error
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.error = null;

        /**
         * Envelope statRequest.
         * @member {etransfer.StatRequest.$Properties|null|undefined} statRequest
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.statRequest = null;

        /**
         * Envelope statReply.
         * @member {etransfer.StatReply.$Properties|null|undefined} statReply
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.statReply = null;

        /**
         * Envelope listRequest.
         * @member {etransfer.ListRequest.$Properties|null|undefined} listRequest
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.listRequest = null;

        /**
         * Envelope listReply.
         * @member {etransfer.ListReply.$Properties|null|undefined} listReply
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.listReply = null;

        /**
         * Envelope prepareReceive.
         * @member {etransfer.PrepareReceive.$Properties|null|undefined} prepareReceive
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.prepareReceive = null;

        /**
         * Envelope receiveReady.
         * @member {etransfer.ReceiveReady.$Properties|null|undefined} receiveReady
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.receiveReady = null;

        /**
         * Envelope prepareSend.
         * @member {etransfer.PrepareSend.$Properties|null|undefined} prepareSend
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.prepareSend = null;

        /**
         * Envelope sendReady.
         * @member {etransfer.SendReady.$Properties|null|undefined} sendReady
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.sendReady = null;

        /**
         * Envelope connectData.
         * @member {etransfer.ConnectData.$Properties|null|undefined} connectData
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.connectData = null;

        /**
         * Envelope ack.
         * @member {etransfer.Ack.$Properties|null|undefined} ack
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.ack = null;

        /**
         * Envelope event.
         * @member {etransfer.TransferEvent.$Properties|null|undefined} event
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.event = null;

        /**
         * Envelope cancel.
         * @member {etransfer.CancelTransfer.$Properties|null|undefined} cancel
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.cancel = null;

        /**
         * Envelope authenticate.
         * @member {etransfer.Authenticate.$Properties|null|undefined} authenticate
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.authenticate = null;

        /**
         * Envelope expandRequest.
         * @member {etransfer.ExpandRequest.$Properties|null|undefined} expandRequest
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.expandRequest = null;

        /**
         * Envelope expandReply.
         * @member {etransfer.ExpandReply.$Properties|null|undefined} expandReply
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.expandReply = null;

        /**
         * Envelope statusRequest.
         * @member {etransfer.StatusRequest.$Properties|null|undefined} statusRequest
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.statusRequest = null;

        /**
         * Envelope statusReply.
         * @member {etransfer.StatusReply.$Properties|null|undefined} statusReply
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.statusReply = null;

        /**
         * Envelope prepareRelay.
         * @member {etransfer.PrepareRelay.$Properties|null|undefined} prepareRelay
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.prepareRelay = null;

        /**
         * Envelope relayReady.
         * @member {etransfer.RelayReady.$Properties|null|undefined} relayReady
         * @memberof etransfer.Envelope
         * @instance
         */
        Envelope.prototype.relayReady = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Envelope body.
         * @member {"serverHello"|"error"|"statRequest"|"statReply"|"listRequest"|"listReply"|"prepareReceive"|"receiveReady"|"prepareSend"|"sendReady"|"connectData"|"ack"|"event"|"cancel"|"authenticate"|"expandRequest"|"expandReply"|"statusRequest"|"statusReply"|"prepareRelay"|"relayReady"|undefined} body
         * @memberof etransfer.Envelope
         * @instance
         */
        $Object.defineProperty(Envelope.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["serverHello", "error", "statRequest", "statReply", "listRequest", "listReply", "prepareReceive", "receiveReady", "prepareSend", "sendReady", "connectData", "ack", "event", "cancel", "authenticate", "expandRequest", "expandReply", "statusRequest", "statusReply", "prepareRelay", "relayReady"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Envelope instance using the specified properties.
         * @function create
         * @memberof etransfer.Envelope
         * @static
         * @param {etransfer.Envelope.$Properties=} [properties] Properties to set
         * @returns {etransfer.Envelope} Envelope instance
         * @type {{
         *   (properties: etransfer.Envelope.$Shape): etransfer.Envelope & etransfer.Envelope.$Shape;
         *   (properties?: etransfer.Envelope.$Properties): etransfer.Envelope;
         * }}
         */
        Envelope.create = function(properties) {
            return new Envelope(properties);
        };

        /**
         * Encodes the specified Envelope message. Does not implicitly {@link etransfer.Envelope.verify|verify} messages.
         * @function encode
         * @memberof etransfer.Envelope
         * @static
         * @param {etransfer.Envelope.$Properties} message Envelope message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Envelope.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
            if (message.serverHello != null && $Object.hasOwnProperty.call(message, "serverHello"))
                $root.etransfer.ServerHello.encode(message.serverHello, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                $root.etransfer.ErrorReply.encode(message.error, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.statRequest != null && $Object.hasOwnProperty.call(message, "statRequest"))
                $root.etransfer.StatRequest.encode(message.statRequest, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.statReply != null && $Object.hasOwnProperty.call(message, "statReply"))
                $root.etransfer.StatReply.encode(message.statReply, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.listRequest != null && $Object.hasOwnProperty.call(message, "listRequest"))
                $root.etransfer.ListRequest.encode(message.listRequest, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.listReply != null && $Object.hasOwnProperty.call(message, "listReply"))
                $root.etransfer.ListReply.encode(message.listReply, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.prepareReceive != null && $Object.hasOwnProperty.call(message, "prepareReceive"))
                $root.etransfer.PrepareReceive.encode(message.prepareReceive, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.receiveReady != null && $Object.hasOwnProperty.call(message, "receiveReady"))
                $root.etransfer.ReceiveReady.encode(message.receiveReady, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
            if (message.prepareSend != null && $Object.hasOwnProperty.call(message, "prepareSend"))
                $root.etransfer.PrepareSend.encode(message.prepareSend, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.sendReady != null && $Object.hasOwnProperty.call(message, "sendReady"))
                $root.etransfer.SendReady.encode(message.sendReady, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.connectData != null && $Object.hasOwnProperty.call(message, "connectData"))
                $root.etransfer.ConnectData.encode(message.connectData, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                $root.etransfer.Ack.encode(message.ack, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.event != null && $Object.hasOwnProperty.call(message, "event"))
                $root.etransfer.TransferEvent.encode(message.event, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
            if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel"))
                $root.etransfer.CancelTransfer.encode(message.cancel, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.authenticate != null && $Object.hasOwnProperty.call(message, "authenticate"))
                $root.etransfer.Authenticate.encode(message.authenticate, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
            if (message.expandRequest != null && $Object.hasOwnProperty.call(message, "expandRequest"))
                $root.etransfer.ExpandRequest.encode(message.expandRequest, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.expandReply != null && $Object.hasOwnProperty.call(message, "expandReply"))
                $root.etransfer.ExpandReply.encode(message.expandReply, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
            if (message.statusRequest != null && $Object.hasOwnProperty.call(message, "statusRequest"))
                $root.etransfer.StatusRequest.encode(message.statusRequest, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
            if (message.statusReply != null && $Object.hasOwnProperty.call(message, "statusReply"))
                $root.etransfer.StatusReply.encode(message.statusReply, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
            if (message.prepareRelay != null && $Object.hasOwnProperty.call(message, "prepareRelay"))
                $root.etransfer.PrepareRelay.encode(message.prepareRelay, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
            if (message.relayReady != null && $Object.hasOwnProperty.call(message, "relayReady"))
                $root.etransfer.RelayReady.encode(message.relayReady, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Envelope message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.Envelope
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.Envelope & etransfer.Envelope.$Shape} Envelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Envelope.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.Envelope();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.serverHello = $root.etransfer.ServerHello.decode(reader, reader.size(), $undefined, _depth + 1, message.serverHello);
                        message.body = "serverHello";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.error = $root.etransfer.ErrorReply.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                        message.body = "error";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.statRequest = $root.etransfer.StatRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.statRequest);
                        message.body = "statRequest";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.statReply = $root.etransfer.StatReply.decode(reader, reader.size(), $undefined, _depth + 1, message.statReply);
                        message.body = "statReply";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.listRequest = $root.etransfer.ListRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.listRequest);
                        message.body = "listRequest";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.listReply = $root.etransfer.ListReply.decode(reader, reader.size(), $undefined, _depth + 1, message.listReply);
                        message.body = "listReply";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.prepareReceive = $root.etransfer.PrepareReceive.decode(reader, reader.size(), $undefined, _depth + 1, message.prepareReceive);
                        message.body = "prepareReceive";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.receiveReady = $root.etransfer.ReceiveReady.decode(reader, reader.size(), $undefined, _depth + 1, message.receiveReady);
                        message.body = "receiveReady";
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.prepareSend = $root.etransfer.PrepareSend.decode(reader, reader.size(), $undefined, _depth + 1, message.prepareSend);
                        message.body = "prepareSend";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.sendReady = $root.etransfer.SendReady.decode(reader, reader.size(), $undefined, _depth + 1, message.sendReady);
                        message.body = "sendReady";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.connectData = $root.etransfer.ConnectData.decode(reader, reader.size(), $undefined, _depth + 1, message.connectData);
                        message.body = "connectData";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.ack = $root.etransfer.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                        message.body = "ack";
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        message.event = $root.etransfer.TransferEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.event);
                        message.body = "event";
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        message.cancel = $root.etransfer.CancelTransfer.decode(reader, reader.size(), $undefined, _depth + 1, message.cancel);
                        message.body = "cancel";
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        message.authenticate = $root.etransfer.Authenticate.decode(reader, reader.size(), $undefined, _depth + 1, message.authenticate);
                        message.body = "authenticate";
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.expandRequest = $root.etransfer.ExpandRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.expandRequest);
                        message.body = "expandRequest";
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        message.expandReply = $root.etransfer.ExpandReply.decode(reader, reader.size(), $undefined, _depth + 1, message.expandReply);
                        message.body = "expandReply";
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        message.statusRequest = $root.etransfer.StatusRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.statusRequest);
                        message.body = "statusRequest";
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.statusReply = $root.etransfer.StatusReply.decode(reader, reader.size(), $undefined, _depth + 1, message.statusReply);
                        message.body = "statusReply";
                        continue;
                    }
                case 21: {
                        if (wireType !== 2)
                            break;
                        message.prepareRelay = $root.etransfer.PrepareRelay.decode(reader, reader.size(), $undefined, _depth + 1, message.prepareRelay);
                        message.body = "prepareRelay";
                        continue;
                    }
                case 22: {
                        if (wireType !== 2)
                            break;
                        message.relayReady = $root.etransfer.RelayReady.decode(reader, reader.size(), $undefined, _depth + 1, message.relayReady);
                        message.body = "relayReady";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Envelope;
    })();

    etransfer.ServerHello = (function() {

        /**
         * Properties of a ServerHello.
         * @typedef {Object} etransfer.ServerHello.$Properties
         * @property {number|null} [protocolVersion] ServerHello protocolVersion
         * @property {string|null} [serverVersion] ServerHello serverVersion
         * @property {Uint8Array|null} [nonce] ServerHello nonce
         * @property {Array.<string>|null} [dataAddresses] ServerHello dataAddresses
         * @property {number|null} [maxStreams] ServerHello maxStreams
         * @property {number|null} [chunkSizeBytes] ServerHello chunkSizeBytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ServerHello.
         * @memberof etransfer
         * @interface IServerHello
         * @augments etransfer.ServerHello.$Properties
         * @deprecated Use etransfer.ServerHello.$Properties instead.
         */

        /**
         * Shape of a ServerHello.
         * @typedef {etransfer.ServerHello.$Properties} etransfer.ServerHello.$Shape
         */

        /**
         * Constructs a new ServerHello.
         * @memberof etransfer
         * @classdesc Represents a ServerHello.
         * @constructor
         * @param {etransfer.ServerHello.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ServerHello = function (properties) {
            this.dataAddresses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ServerHello protocolVersion.
         * @member {number} protocolVersion
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.protocolVersion = 0;

        /**
         * ServerHello serverVersion.
         * @member {string} serverVersion
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.serverVersion = "";

        /**
         * ServerHello nonce.
         * @member {Uint8Array} nonce
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.nonce = $util.newBuffer([]);

        /**
         * ServerHello dataAddresses.
         * @member {Array.<string>} dataAddresses
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.dataAddresses = $util.emptyArray;

        /**
         * ServerHello maxStreams.
         * @member {number} maxStreams
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.maxStreams = 0;

        /**
         * ServerHello chunkSizeBytes.
         * @member {number} chunkSizeBytes
         * @memberof etransfer.ServerHello
         * @instance
         */
        ServerHello.prototype.chunkSizeBytes = 0;

        /**
         * Creates a new ServerHello instance using the specified properties.
         * @function create
         * @memberof etransfer.ServerHello
         * @static
         * @param {etransfer.ServerHello.$Properties=} [properties] Properties to set
         * @returns {etransfer.ServerHello} ServerHello instance
         * @type {{
         *   (properties: etransfer.ServerHello.$Shape): etransfer.ServerHello & etransfer.ServerHello.$Shape;
         *   (properties?: etransfer.ServerHello.$Properties): etransfer.ServerHello;
         * }}
         */
        ServerHello.create = function(properties) {
            return new ServerHello(properties);
        };

        /**
         * Encodes the specified ServerHello message. Does not implicitly {@link etransfer.ServerHello.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ServerHello
         * @static
         * @param {etransfer.ServerHello.$Properties} message ServerHello message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ServerHello.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
            if (message.serverVersion != null && $Object.hasOwnProperty.call(message, "serverVersion") && message.serverVersion !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.serverVersion);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.nonce);
            if (message.dataAddresses != null && message.dataAddresses.length)
                for (let i = 0; i < message.dataAddresses.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.dataAddresses[i]);
            if (message.maxStreams != null && $Object.hasOwnProperty.call(message, "maxStreams") && message.maxStreams !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxStreams);
            if (message.chunkSizeBytes != null && $Object.hasOwnProperty.call(message, "chunkSizeBytes") && message.chunkSizeBytes !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.chunkSizeBytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ServerHello message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ServerHello
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ServerHello & etransfer.ServerHello.$Shape} ServerHello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ServerHello.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ServerHello();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.protocolVersion = value;
                        else
                            delete message.protocolVersion;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.serverVersion = value;
                        else
                            delete message.serverVersion;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dataAddresses && message.dataAddresses.length))
                            message.dataAddresses = [];
                        message.dataAddresses.push(reader.stringVerify());
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxStreams = value;
                        else
                            delete message.maxStreams;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkSizeBytes = value;
                        else
                            delete message.chunkSizeBytes;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServerHello;
    })();

    etransfer.ErrorReply = (function() {

        /**
         * Properties of an ErrorReply.
         * @typedef {Object} etransfer.ErrorReply.$Properties
         * @property {string|null} [code] ErrorReply code
         * @property {string|null} [message] ErrorReply message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ErrorReply.
         * @memberof etransfer
         * @interface IErrorReply
         * @augments etransfer.ErrorReply.$Properties
         * @deprecated Use etransfer.ErrorReply.$Properties instead.
         */

        /**
         * Shape of an ErrorReply.
         * @typedef {etransfer.ErrorReply.$Properties} etransfer.ErrorReply.$Shape
         */

        /**
         * Constructs a new ErrorReply.
         * @memberof etransfer
         * @classdesc Represents an ErrorReply.
         * @constructor
         * @param {etransfer.ErrorReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ErrorReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ErrorReply code.
         * @member {string} code
         * @memberof etransfer.ErrorReply
         * @instance
         */
        ErrorReply.prototype.code = "";

        /**
         * ErrorReply message.
         * @member {string} message
         * @memberof etransfer.ErrorReply
         * @instance
         */
        ErrorReply.prototype.message = "";

        /**
         * Creates a new ErrorReply instance using the specified properties.
         * @function create
         * @memberof etransfer.ErrorReply
         * @static
         * @param {etransfer.ErrorReply.$Properties=} [properties] Properties to set
         * @returns {etransfer.ErrorReply} ErrorReply instance
         * @type {{
         *   (properties: etransfer.ErrorReply.$Shape): etransfer.ErrorReply & etransfer.ErrorReply.$Shape;
         *   (properties?: etransfer.ErrorReply.$Properties): etransfer.ErrorReply;
         * }}
         */
        ErrorReply.create = function(properties) {
            return new ErrorReply(properties);
        };

        /**
         * Encodes the specified ErrorReply message. Does not implicitly {@link etransfer.ErrorReply.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ErrorReply
         * @static
         * @param {etransfer.ErrorReply.$Properties} message ErrorReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ErrorReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ErrorReply message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ErrorReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ErrorReply & etransfer.ErrorReply.$Shape} ErrorReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ErrorReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ErrorReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ErrorReply;
    })();

    etransfer.Status = (function() {

        /**
         * Properties of a Status.
         * @typedef {Object} etransfer.Status.$Properties
         * @property {string|null} [code] Status code
         * @property {string|null} [message] Status message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Status.
         * @memberof etransfer
         * @interface IStatus
         * @augments etransfer.Status.$Properties
         * @deprecated Use etransfer.Status.$Properties instead.
         */

        /**
         * Shape of a Status.
         * @typedef {etransfer.Status.$Properties} etransfer.Status.$Shape
         */

        /**
         * Constructs a new Status.
         * @memberof etransfer
         * @classdesc Represents a Status.
         * @constructor
         * @param {etransfer.Status.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Status = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Status code.
         * @member {string} code
         * @memberof etransfer.Status
         * @instance
         */
        Status.prototype.code = "";

        /**
         * Status message.
         * @member {string} message
         * @memberof etransfer.Status
         * @instance
         */
        Status.prototype.message = "";

        /**
         * Creates a new Status instance using the specified properties.
         * @function create
         * @memberof etransfer.Status
         * @static
         * @param {etransfer.Status.$Properties=} [properties] Properties to set
         * @returns {etransfer.Status} Status instance
         * @type {{
         *   (properties: etransfer.Status.$Shape): etransfer.Status & etransfer.Status.$Shape;
         *   (properties?: etransfer.Status.$Properties): etransfer.Status;
         * }}
         */
        Status.create = function(properties) {
            return new Status(properties);
        };

        /**
         * Encodes the specified Status message. Does not implicitly {@link etransfer.Status.verify|verify} messages.
         * @function encode
         * @memberof etransfer.Status
         * @static
         * @param {etransfer.Status.$Properties} message Status message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Status.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Status message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.Status
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.Status & etransfer.Status.$Shape} Status
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Status.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.Status();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Status;
    })();

    /**
     * FileType enum.
     * @name etransfer.FileType
     * @enum {number}
     * @property {number} FILE_TYPE_UNKNOWN=0 FILE_TYPE_UNKNOWN value
     * @property {number} FILE_TYPE_FILE=1 FILE_TYPE_FILE value
     * @property {number} FILE_TYPE_DIRECTORY=2 FILE_TYPE_DIRECTORY value
     * @property {number} FILE_TYPE_SYMLINK=3 FILE_TYPE_SYMLINK value
     * @property {number} FILE_TYPE_OTHER=4 FILE_TYPE_OTHER value
     * @property {number} FILE_TYPE_MISSING=5 FILE_TYPE_MISSING value
     */
    etransfer.FileType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "FILE_TYPE_UNKNOWN"] = 0;
        values[valuesById[1] = "FILE_TYPE_FILE"] = 1;
        values[valuesById[2] = "FILE_TYPE_DIRECTORY"] = 2;
        values[valuesById[3] = "FILE_TYPE_SYMLINK"] = 3;
        values[valuesById[4] = "FILE_TYPE_OTHER"] = 4;
        values[valuesById[5] = "FILE_TYPE_MISSING"] = 5;
        return values;
    })();

    etransfer.FileInfo = (function() {

        /**
         * Properties of a FileInfo.
         * @typedef {Object} etransfer.FileInfo.$Properties
         * @property {string|null} [name] FileInfo name
         * @property {etransfer.FileType|null} [type] FileInfo type
         * @property {number|Long|null} [size] FileInfo size
         * @property {number|Long|null} [mtimeMs] FileInfo mtimeMs
         * @property {number|null} [mode] FileInfo mode
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FileInfo.
         * @memberof etransfer
         * @interface IFileInfo
         * @augments etransfer.FileInfo.$Properties
         * @deprecated Use etransfer.FileInfo.$Properties instead.
         */

        /**
         * Shape of a FileInfo.
         * @typedef {etransfer.FileInfo.$Properties} etransfer.FileInfo.$Shape
         */

        /**
         * Constructs a new FileInfo.
         * @memberof etransfer
         * @classdesc Represents a FileInfo.
         * @constructor
         * @param {etransfer.FileInfo.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FileInfo = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FileInfo name.
         * @member {string} name
         * @memberof etransfer.FileInfo
         * @instance
         */
        FileInfo.prototype.name = "";

        /**
         * FileInfo type.
         * @member {etransfer.FileType} type
         * @memberof etransfer.FileInfo
         * @instance
         */
        FileInfo.prototype.type = 0;

        /**
         * FileInfo size.
         * @member {number|Long} size
         * @memberof etransfer.FileInfo
         * @instance
         */
        FileInfo.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FileInfo mtimeMs.
         * @member {number|Long} mtimeMs
         * @memberof etransfer.FileInfo
         * @instance
         */
        FileInfo.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FileInfo mode.
         * @member {number} mode
         * @memberof etransfer.FileInfo
         * @instance
         */
        FileInfo.prototype.mode = 0;

        /**
         * Creates a new FileInfo instance using the specified properties.
         * @function create
         * @memberof etransfer.FileInfo
         * @static
         * @param {etransfer.FileInfo.$Properties=} [properties] Properties to set
         * @returns {etransfer.FileInfo} FileInfo instance
         * @type {{
         *   (properties: etransfer.FileInfo.$Shape): etransfer.FileInfo & etransfer.FileInfo.$Shape;
         *   (properties?: etransfer.FileInfo.$Properties): etransfer.FileInfo;
         * }}
         */
        FileInfo.create = function(properties) {
            return new FileInfo(properties);
        };

        /**
         * Encodes the specified FileInfo message. Does not implicitly {@link etransfer.FileInfo.verify|verify} messages.
         * @function encode
         * @memberof etransfer.FileInfo
         * @static
         * @param {etransfer.FileInfo.$Properties} message FileInfo message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FileInfo.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.mtimeMs);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.mode);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FileInfo message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.FileInfo
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.FileInfo & etransfer.FileInfo.$Shape} FileInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FileInfo.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.FileInfo();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FileInfo;
    })();

    etransfer.StatRequest = (function() {

        /**
         * Properties of a StatRequest.
         * @typedef {Object} etransfer.StatRequest.$Properties
         * @property {Array.<string>|null} [paths] StatRequest paths
         * @property {string|null} [right] StatRequest right
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatRequest.
         * @memberof etransfer
         * @interface IStatRequest
         * @augments etransfer.StatRequest.$Properties
         * @deprecated Use etransfer.StatRequest.$Properties instead.
         */

        /**
         * Shape of a StatRequest.
         * @typedef {etransfer.StatRequest.$Properties} etransfer.StatRequest.$Shape
         */

        /**
         * Constructs a new StatRequest.
         * @memberof etransfer
         * @classdesc Represents a StatRequest.
         * @constructor
         * @param {etransfer.StatRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatRequest = function (properties) {
            this.paths = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatRequest paths.
         * @member {Array.<string>} paths
         * @memberof etransfer.StatRequest
         * @instance
         */
        StatRequest.prototype.paths = $util.emptyArray;

        /**
         * StatRequest right.
         * @member {string} right
         * @memberof etransfer.StatRequest
         * @instance
         */
        StatRequest.prototype.right = "";

        /**
         * Creates a new StatRequest instance using the specified properties.
         * @function create
         * @memberof etransfer.StatRequest
         * @static
         * @param {etransfer.StatRequest.$Properties=} [properties] Properties to set
         * @returns {etransfer.StatRequest} StatRequest instance
         * @type {{
         *   (properties: etransfer.StatRequest.$Shape): etransfer.StatRequest & etransfer.StatRequest.$Shape;
         *   (properties?: etransfer.StatRequest.$Properties): etransfer.StatRequest;
         * }}
         */
        StatRequest.create = function(properties) {
            return new StatRequest(properties);
        };

        /**
         * Encodes the specified StatRequest message. Does not implicitly {@link etransfer.StatRequest.verify|verify} messages.
         * @function encode
         * @memberof etransfer.StatRequest
         * @static
         * @param {etransfer.StatRequest.$Properties} message StatRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.paths != null && message.paths.length)
                for (let i = 0; i < message.paths.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paths[i]);
            if (message.right != null && $Object.hasOwnProperty.call(message, "right") && message.right !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.right);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.StatRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.StatRequest & etransfer.StatRequest.$Shape} StatRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.StatRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.paths && message.paths.length))
                            message.paths = [];
                        message.paths.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.right = value;
                        else
                            delete message.right;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return StatRequest;
    })();

    etransfer.StatEntry = (function() {

        /**
         * Properties of a StatEntry.
         * @typedef {Object} etransfer.StatEntry.$Properties
         * @property {string|null} [path] StatEntry path
         * @property {etransfer.Status.$Properties|null} [status] StatEntry status
         * @property {etransfer.FileInfo.$Properties|null} [info] StatEntry info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatEntry.
         * @memberof etransfer
         * @interface IStatEntry
         * @augments etransfer.StatEntry.$Properties
         * @deprecated Use etransfer.StatEntry.$Properties instead.
         */

        /**
         * Shape of a StatEntry.
         * @typedef {etransfer.StatEntry.$Properties} etransfer.StatEntry.$Shape
         */

        /**
         * Constructs a new StatEntry.
         * @memberof etransfer
         * @classdesc Represents a StatEntry.
         * @constructor
         * @param {etransfer.StatEntry.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatEntry = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatEntry path.
         * @member {string} path
         * @memberof etransfer.StatEntry
         * @instance
         */
        StatEntry.prototype.path = "";

        /**
         * StatEntry status.
         * @member {etransfer.Status.$Properties|null|undefined} status
         * @memberof etransfer.StatEntry
         * @instance
         */
        StatEntry.prototype.status = null;

        /**
         * StatEntry info.
         * @member {etransfer.FileInfo.$Properties|null|undefined} info
         * @memberof etransfer.StatEntry
         * @instance
         */
        StatEntry.prototype.info = null;

        /**
         * Creates a new StatEntry instance using the specified properties.
         * @function create
         * @memberof etransfer.StatEntry
         * @static
         * @param {etransfer.StatEntry.$Properties=} [properties] Properties to set
         * @returns {etransfer.StatEntry} StatEntry instance
         * @type {{
         *   (properties: etransfer.StatEntry.$Shape): etransfer.StatEntry & etransfer.StatEntry.$Shape;
         *   (properties?: etransfer.StatEntry.$Properties): etransfer.StatEntry;
         * }}
         */
        StatEntry.create = function(properties) {
            return new StatEntry(properties);
        };

        /**
         * Encodes the specified StatEntry message. Does not implicitly {@link etransfer.StatEntry.verify|verify} messages.
         * @function encode
         * @memberof etransfer.StatEntry
         * @static
         * @param {etransfer.StatEntry.$Properties} message StatEntry message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatEntry.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                $root.etransfer.Status.encode(message.status, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.info != null && $Object.hasOwnProperty.call(message, "info"))
                $root.etransfer.FileInfo.encode(message.info, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatEntry message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.StatEntry
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.StatEntry & etransfer.StatEntry.$Shape} StatEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatEntry.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.StatEntry();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.status = $root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.info = $root.etransfer.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return StatEntry;
    })();

    etransfer.StatReply = (function() {

        /**
         * Properties of a StatReply.
         * @typedef {Object} etransfer.StatReply.$Properties
         * @property {Array.<etransfer.StatEntry.$Properties>|null} [entries] StatReply entries
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatReply.
         * @memberof etransfer
         * @interface IStatReply
         * @augments etransfer.StatReply.$Properties
         * @deprecated Use etransfer.StatReply.$Properties instead.
         */

        /**
         * Shape of a StatReply.
         * @typedef {etransfer.StatReply.$Properties} etransfer.StatReply.$Shape
         */

        /**
         * Constructs a new StatReply.
         * @memberof etransfer
         * @classdesc Represents a StatReply.
         * @constructor
         * @param {etransfer.StatReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatReply = function (properties) {
            this.entries = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatReply entries.
         * @member {Array.<etransfer.StatEntry.$Properties>} entries
         * @memberof etransfer.StatReply
         * @instance
         */
        StatReply.prototype.entries = $util.emptyArray;

        /**
         * Creates a new StatReply instance using the specified properties.
         * @function create
         * @memberof etransfer.StatReply
         * @static
         * @param {etransfer.StatReply.$Properties=} [properties] Properties to set
         * @returns {etransfer.StatReply} StatReply instance
         * @type {{
         *   (properties: etransfer.StatReply.$Shape): etransfer.StatReply & etransfer.StatReply.$Shape;
         *   (properties?: etransfer.StatReply.$Properties): etransfer.StatReply;
         * }}
         */
        StatReply.create = function(properties) {
            return new StatReply(properties);
        };

        /**
         * Encodes the specified StatReply message. Does not implicitly {@link etransfer.StatReply.verify|verify} messages.
         * @function encode
         * @memberof etransfer.StatReply
         * @static
         * @param {etransfer.StatReply.$Properties} message StatReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.entries != null && message.entries.length)
                for (let i = 0; i < message.entries.length; ++i)
                    $root.etransfer.StatEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatReply message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.StatReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.StatReply & etransfer.StatReply.$Shape} StatReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.StatReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.entries && message.entries.length))
                            message.entries = [];
                        message.entries.push($root.etransfer.StatEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return StatReply;
    })();

    etransfer.ListRequest = (function() {

        /**
         * Properties of a ListRequest.
         * @typedef {Object} etransfer.ListRequest.$Properties
         * @property {string|null} [path] ListRequest path
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListRequest.
         * @memberof etransfer
         * @interface IListRequest
         * @augments etransfer.ListRequest.$Properties
         * @deprecated Use etransfer.ListRequest.$Properties instead.
         */

        /**
         * Shape of a ListRequest.
         * @typedef {etransfer.ListRequest.$Properties} etransfer.ListRequest.$Shape
         */

        /**
         * Constructs a new ListRequest.
         * @memberof etransfer
         * @classdesc Represents a ListRequest.
         * @constructor
         * @param {etransfer.ListRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ListRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListRequest path.
         * @member {string} path
         * @memberof etransfer.ListRequest
         * @instance
         */
        ListRequest.prototype.path = "";

        /**
         * Creates a new ListRequest instance using the specified properties.
         * @function create
         * @memberof etransfer.ListRequest
         * @static
         * @param {etransfer.ListRequest.$Properties=} [properties] Properties to set
         * @returns {etransfer.ListRequest} ListRequest instance
         * @type {{
         *   (properties: etransfer.ListRequest.$Shape): etransfer.ListRequest & etransfer.ListRequest.$Shape;
         *   (properties?: etransfer.ListRequest.$Properties): etransfer.ListRequest;
         * }}
         */
        ListRequest.create = function(properties) {
            return new ListRequest(properties);
        };

        /**
         * Encodes the specified ListRequest message. Does not implicitly {@link etransfer.ListRequest.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ListRequest
         * @static
         * @param {etransfer.ListRequest.$Properties} message ListRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ListRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ListRequest & etransfer.ListRequest.$Shape} ListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ListRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListRequest;
    })();

    etransfer.ListReply = (function() {

        /**
         * Properties of a ListReply.
         * @typedef {Object} etransfer.ListReply.$Properties
         * @property {etransfer.FileInfo.$Properties|null} [self] ListReply self
         * @property {Array.<etransfer.FileInfo.$Properties>|null} [entries] ListReply entries
         * @property {boolean|null} [truncated] ListReply truncated
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListReply.
         * @memberof etransfer
         * @interface IListReply
         * @augments etransfer.ListReply.$Properties
         * @deprecated Use etransfer.ListReply.$Properties instead.
         */

        /**
         * Shape of a ListReply.
         * @typedef {etransfer.ListReply.$Properties} etransfer.ListReply.$Shape
         */

        /**
         * Constructs a new ListReply.
         * @memberof etransfer
         * @classdesc Represents a ListReply.
         * @constructor
         * @param {etransfer.ListReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ListReply = function (properties) {
            this.entries = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListReply self.
         * @member {etransfer.FileInfo.$Properties|null|undefined} self
         * @memberof etransfer.ListReply
         * @instance
         */
        ListReply.prototype.self = null;

        /**
         * ListReply entries.
         * @member {Array.<etransfer.FileInfo.$Properties>} entries
         * @memberof etransfer.ListReply
         * @instance
         */
        ListReply.prototype.entries = $util.emptyArray;

        /**
         * ListReply truncated.
         * @member {boolean} truncated
         * @memberof etransfer.ListReply
         * @instance
         */
        ListReply.prototype.truncated = false;

        /**
         * Creates a new ListReply instance using the specified properties.
         * @function create
         * @memberof etransfer.ListReply
         * @static
         * @param {etransfer.ListReply.$Properties=} [properties] Properties to set
         * @returns {etransfer.ListReply} ListReply instance
         * @type {{
         *   (properties: etransfer.ListReply.$Shape): etransfer.ListReply & etransfer.ListReply.$Shape;
         *   (properties?: etransfer.ListReply.$Properties): etransfer.ListReply;
         * }}
         */
        ListReply.create = function(properties) {
            return new ListReply(properties);
        };

        /**
         * Encodes the specified ListReply message. Does not implicitly {@link etransfer.ListReply.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ListReply
         * @static
         * @param {etransfer.ListReply.$Properties} message ListReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.self != null && $Object.hasOwnProperty.call(message, "self"))
                $root.etransfer.FileInfo.encode(message.self, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.entries != null && message.entries.length)
                for (let i = 0; i < message.entries.length; ++i)
                    $root.etransfer.FileInfo.encode(message.entries[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.truncated);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListReply message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ListReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ListReply & etransfer.ListReply.$Shape} ListReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ListReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.self = $root.etransfer.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.self);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.entries && message.entries.length))
                            message.entries = [];
                        message.entries.push($root.etransfer.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.truncated = value;
                        else
                            delete message.truncated;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListReply;
    })();

    /**
     * WriteMode enum.
     * @name etransfer.WriteMode
     * @enum {number}
     * @property {number} WRITE_MODE_NEW=0 WRITE_MODE_NEW value
     * @property {number} WRITE_MODE_OVERWRITE=1 WRITE_MODE_OVERWRITE value
     * @property {number} WRITE_MODE_RESUME=2 WRITE_MODE_RESUME value
     * @property {number} WRITE_MODE_SKIP_EXISTING=3 WRITE_MODE_SKIP_EXISTING value
     */
    etransfer.WriteMode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "WRITE_MODE_NEW"] = 0;
        values[valuesById[1] = "WRITE_MODE_OVERWRITE"] = 1;
        values[valuesById[2] = "WRITE_MODE_RESUME"] = 2;
        values[valuesById[3] = "WRITE_MODE_SKIP_EXISTING"] = 3;
        return values;
    })();

    etransfer.FileSpec = (function() {

        /**
         * Properties of a FileSpec.
         * @typedef {Object} etransfer.FileSpec.$Properties
         * @property {string|null} [path] FileSpec path
         * @property {number|Long|null} [size] FileSpec size
         * @property {number|null} [mode] FileSpec mode
         * @property {number|Long|null} [mtimeMs] FileSpec mtimeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FileSpec.
         * @memberof etransfer
         * @interface IFileSpec
         * @augments etransfer.FileSpec.$Properties
         * @deprecated Use etransfer.FileSpec.$Properties instead.
         */

        /**
         * Shape of a FileSpec.
         * @typedef {etransfer.FileSpec.$Properties} etransfer.FileSpec.$Shape
         */

        /**
         * Constructs a new FileSpec.
         * @memberof etransfer
         * @classdesc Represents a FileSpec.
         * @constructor
         * @param {etransfer.FileSpec.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FileSpec = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FileSpec path.
         * @member {string} path
         * @memberof etransfer.FileSpec
         * @instance
         */
        FileSpec.prototype.path = "";

        /**
         * FileSpec size.
         * @member {number|Long} size
         * @memberof etransfer.FileSpec
         * @instance
         */
        FileSpec.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FileSpec mode.
         * @member {number} mode
         * @memberof etransfer.FileSpec
         * @instance
         */
        FileSpec.prototype.mode = 0;

        /**
         * FileSpec mtimeMs.
         * @member {number|Long} mtimeMs
         * @memberof etransfer.FileSpec
         * @instance
         */
        FileSpec.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new FileSpec instance using the specified properties.
         * @function create
         * @memberof etransfer.FileSpec
         * @static
         * @param {etransfer.FileSpec.$Properties=} [properties] Properties to set
         * @returns {etransfer.FileSpec} FileSpec instance
         * @type {{
         *   (properties: etransfer.FileSpec.$Shape): etransfer.FileSpec & etransfer.FileSpec.$Shape;
         *   (properties?: etransfer.FileSpec.$Properties): etransfer.FileSpec;
         * }}
         */
        FileSpec.create = function(properties) {
            return new FileSpec(properties);
        };

        /**
         * Encodes the specified FileSpec message. Does not implicitly {@link etransfer.FileSpec.verify|verify} messages.
         * @function encode
         * @memberof etransfer.FileSpec
         * @static
         * @param {etransfer.FileSpec.$Properties} message FileSpec message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FileSpec.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.mode);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.mtimeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FileSpec message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.FileSpec
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.FileSpec & etransfer.FileSpec.$Shape} FileSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FileSpec.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.FileSpec();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FileSpec;
    })();

    etransfer.FolderSpec = (function() {

        /**
         * Properties of a FolderSpec.
         * @typedef {Object} etransfer.FolderSpec.$Properties
         * @property {string|null} [path] FolderSpec path
         * @property {number|Long|null} [mtimeMs] FolderSpec mtimeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FolderSpec.
         * @memberof etransfer
         * @interface IFolderSpec
         * @augments etransfer.FolderSpec.$Properties
         * @deprecated Use etransfer.FolderSpec.$Properties instead.
         */

        /**
         * Shape of a FolderSpec.
         * @typedef {etransfer.FolderSpec.$Properties} etransfer.FolderSpec.$Shape
         */

        /**
         * Constructs a new FolderSpec.
         * @memberof etransfer
         * @classdesc Represents a FolderSpec.
         * @constructor
         * @param {etransfer.FolderSpec.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FolderSpec = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FolderSpec path.
         * @member {string} path
         * @memberof etransfer.FolderSpec
         * @instance
         */
        FolderSpec.prototype.path = "";

        /**
         * FolderSpec mtimeMs.
         * @member {number|Long} mtimeMs
         * @memberof etransfer.FolderSpec
         * @instance
         */
        FolderSpec.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new FolderSpec instance using the specified properties.
         * @function create
         * @memberof etransfer.FolderSpec
         * @static
         * @param {etransfer.FolderSpec.$Properties=} [properties] Properties to set
         * @returns {etransfer.FolderSpec} FolderSpec instance
         * @type {{
         *   (properties: etransfer.FolderSpec.$Shape): etransfer.FolderSpec & etransfer.FolderSpec.$Shape;
         *   (properties?: etransfer.FolderSpec.$Properties): etransfer.FolderSpec;
         * }}
         */
        FolderSpec.create = function(properties) {
            return new FolderSpec(properties);
        };

        /**
         * Encodes the specified FolderSpec message. Does not implicitly {@link etransfer.FolderSpec.verify|verify} messages.
         * @function encode
         * @memberof etransfer.FolderSpec
         * @static
         * @param {etransfer.FolderSpec.$Properties} message FolderSpec message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FolderSpec.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.mtimeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FolderSpec message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.FolderSpec
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.FolderSpec & etransfer.FolderSpec.$Shape} FolderSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FolderSpec.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.FolderSpec();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return FolderSpec;
    })();

    etransfer.PrepareReceive = (function() {

        /**
         * Properties of a PrepareReceive.
         * @typedef {Object} etransfer.PrepareReceive.$Properties
         * @property {Array.<etransfer.FileSpec.$Properties>|null} [files] PrepareReceive files
         * @property {etransfer.WriteMode|null} [mode] PrepareReceive mode
         * @property {number|null} [streams] PrepareReceive streams
         * @property {number|null} [chunkSizeBytes] PrepareReceive chunkSizeBytes
         * @property {boolean|null} [dryRun] PrepareReceive dryRun
         * @property {Array.<etransfer.FolderSpec.$Properties>|null} [folders] PrepareReceive folders
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PrepareReceive.
         * @memberof etransfer
         * @interface IPrepareReceive
         * @augments etransfer.PrepareReceive.$Properties
         * @deprecated Use etransfer.PrepareReceive.$Properties instead.
         */

        /**
         * Shape of a PrepareReceive.
         * @typedef {etransfer.PrepareReceive.$Properties} etransfer.PrepareReceive.$Shape
         */

        /**
         * Constructs a new PrepareReceive.
         * @memberof etransfer
         * @classdesc Represents a PrepareReceive.
         * @constructor
         * @param {etransfer.PrepareReceive.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PrepareReceive = function (properties) {
            this.files = [];
            this.folders = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PrepareReceive files.
         * @member {Array.<etransfer.FileSpec.$Properties>} files
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.files = $util.emptyArray;

        /**
         * PrepareReceive mode.
         * @member {etransfer.WriteMode} mode
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.mode = 0;

        /**
         * PrepareReceive streams.
         * @member {number} streams
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.streams = 0;

        /**
         * PrepareReceive chunkSizeBytes.
         * @member {number} chunkSizeBytes
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.chunkSizeBytes = 0;

        /**
         * PrepareReceive dryRun.
         * @member {boolean} dryRun
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.dryRun = false;

        /**
         * PrepareReceive folders.
         * @member {Array.<etransfer.FolderSpec.$Properties>} folders
         * @memberof etransfer.PrepareReceive
         * @instance
         */
        PrepareReceive.prototype.folders = $util.emptyArray;

        /**
         * Creates a new PrepareReceive instance using the specified properties.
         * @function create
         * @memberof etransfer.PrepareReceive
         * @static
         * @param {etransfer.PrepareReceive.$Properties=} [properties] Properties to set
         * @returns {etransfer.PrepareReceive} PrepareReceive instance
         * @type {{
         *   (properties: etransfer.PrepareReceive.$Shape): etransfer.PrepareReceive & etransfer.PrepareReceive.$Shape;
         *   (properties?: etransfer.PrepareReceive.$Properties): etransfer.PrepareReceive;
         * }}
         */
        PrepareReceive.create = function(properties) {
            return new PrepareReceive(properties);
        };

        /**
         * Encodes the specified PrepareReceive message. Does not implicitly {@link etransfer.PrepareReceive.verify|verify} messages.
         * @function encode
         * @memberof etransfer.PrepareReceive
         * @static
         * @param {etransfer.PrepareReceive.$Properties} message PrepareReceive message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PrepareReceive.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.files != null && message.files.length)
                for (let i = 0; i < message.files.length; ++i)
                    $root.etransfer.FileSpec.encode(message.files[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.mode);
            if (message.streams != null && $Object.hasOwnProperty.call(message, "streams") && message.streams !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.streams);
            if (message.chunkSizeBytes != null && $Object.hasOwnProperty.call(message, "chunkSizeBytes") && message.chunkSizeBytes !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.chunkSizeBytes);
            if (message.dryRun != null && $Object.hasOwnProperty.call(message, "dryRun") && message.dryRun !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.dryRun);
            if (message.folders != null && message.folders.length)
                for (let i = 0; i < message.folders.length; ++i)
                    $root.etransfer.FolderSpec.encode(message.folders[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PrepareReceive message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.PrepareReceive
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.PrepareReceive & etransfer.PrepareReceive.$Shape} PrepareReceive
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PrepareReceive.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.PrepareReceive();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.files && message.files.length))
                            message.files = [];
                        message.files.push($root.etransfer.FileSpec.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.streams = value;
                        else
                            delete message.streams;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkSizeBytes = value;
                        else
                            delete message.chunkSizeBytes;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.dryRun = value;
                        else
                            delete message.dryRun;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.folders && message.folders.length))
                            message.folders = [];
                        message.folders.push($root.etransfer.FolderSpec.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PrepareReceive;
    })();

    etransfer.ReceiveReady = (function() {

        /**
         * Properties of a ReceiveReady.
         * @typedef {Object} etransfer.ReceiveReady.$Properties
         * @property {Uint8Array|null} [transferId] ReceiveReady transferId
         * @property {Uint8Array|null} [ticket] ReceiveReady ticket
         * @property {Array.<etransfer.Status.$Properties>|null} [files] ReceiveReady files
         * @property {number|null} [streams] ReceiveReady streams
         * @property {number|null} [chunkSizeBytes] ReceiveReady chunkSizeBytes
         * @property {Array.<string>|null} [dataAddresses] ReceiveReady dataAddresses
         * @property {boolean|null} [dryRun] ReceiveReady dryRun
         * @property {number|Long|null} [freeBytes] ReceiveReady freeBytes
         * @property {number|Long|null} [neededBytes] ReceiveReady neededBytes
         * @property {Array.<etransfer.Status.$Properties>|null} [folders] ReceiveReady folders
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReceiveReady.
         * @memberof etransfer
         * @interface IReceiveReady
         * @augments etransfer.ReceiveReady.$Properties
         * @deprecated Use etransfer.ReceiveReady.$Properties instead.
         */

        /**
         * Shape of a ReceiveReady.
         * @typedef {etransfer.ReceiveReady.$Properties} etransfer.ReceiveReady.$Shape
         */

        /**
         * Constructs a new ReceiveReady.
         * @memberof etransfer
         * @classdesc Represents a ReceiveReady.
         * @constructor
         * @param {etransfer.ReceiveReady.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReceiveReady = function (properties) {
            this.files = [];
            this.dataAddresses = [];
            this.folders = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReceiveReady transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.transferId = $util.newBuffer([]);

        /**
         * ReceiveReady ticket.
         * @member {Uint8Array} ticket
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.ticket = $util.newBuffer([]);

        /**
         * ReceiveReady files.
         * @member {Array.<etransfer.Status.$Properties>} files
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.files = $util.emptyArray;

        /**
         * ReceiveReady streams.
         * @member {number} streams
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.streams = 0;

        /**
         * ReceiveReady chunkSizeBytes.
         * @member {number} chunkSizeBytes
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.chunkSizeBytes = 0;

        /**
         * ReceiveReady dataAddresses.
         * @member {Array.<string>} dataAddresses
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.dataAddresses = $util.emptyArray;

        /**
         * ReceiveReady dryRun.
         * @member {boolean} dryRun
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.dryRun = false;

        /**
         * ReceiveReady freeBytes.
         * @member {number|Long} freeBytes
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.freeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ReceiveReady neededBytes.
         * @member {number|Long} neededBytes
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.neededBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ReceiveReady folders.
         * @member {Array.<etransfer.Status.$Properties>} folders
         * @memberof etransfer.ReceiveReady
         * @instance
         */
        ReceiveReady.prototype.folders = $util.emptyArray;

        /**
         * Creates a new ReceiveReady instance using the specified properties.
         * @function create
         * @memberof etransfer.ReceiveReady
         * @static
         * @param {etransfer.ReceiveReady.$Properties=} [properties] Properties to set
         * @returns {etransfer.ReceiveReady} ReceiveReady instance
         * @type {{
         *   (properties: etransfer.ReceiveReady.$Shape): etransfer.ReceiveReady & etransfer.ReceiveReady.$Shape;
         *   (properties?: etransfer.ReceiveReady.$Properties): etransfer.ReceiveReady;
         * }}
         */
        ReceiveReady.create = function(properties) {
            return new ReceiveReady(properties);
        };

        /**
         * Encodes the specified ReceiveReady message. Does not implicitly {@link etransfer.ReceiveReady.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ReceiveReady
         * @static
         * @param {etransfer.ReceiveReady.$Properties} message ReceiveReady message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReceiveReady.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.ticket != null && $Object.hasOwnProperty.call(message, "ticket") && message.ticket.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.ticket);
            if (message.files != null && message.files.length)
                for (let i = 0; i < message.files.length; ++i)
                    $root.etransfer.Status.encode(message.files[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.streams != null && $Object.hasOwnProperty.call(message, "streams") && message.streams !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.streams);
            if (message.chunkSizeBytes != null && $Object.hasOwnProperty.call(message, "chunkSizeBytes") && message.chunkSizeBytes !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.chunkSizeBytes);
            if (message.dataAddresses != null && message.dataAddresses.length)
                for (let i = 0; i < message.dataAddresses.length; ++i)
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.dataAddresses[i]);
            if (message.dryRun != null && $Object.hasOwnProperty.call(message, "dryRun") && message.dryRun !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.dryRun);
            if (message.freeBytes != null && $Object.hasOwnProperty.call(message, "freeBytes") && (typeof message.freeBytes === "object" ? message.freeBytes.low || message.freeBytes.high : message.freeBytes !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.freeBytes);
            if (message.neededBytes != null && $Object.hasOwnProperty.call(message, "neededBytes") && (typeof message.neededBytes === "object" ? message.neededBytes.low || message.neededBytes.high : message.neededBytes !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.neededBytes);
            if (message.folders != null && message.folders.length)
                for (let i = 0; i < message.folders.length; ++i)
                    $root.etransfer.Status.encode(message.folders[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReceiveReady message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ReceiveReady
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ReceiveReady & etransfer.ReceiveReady.$Shape} ReceiveReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReceiveReady.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ReceiveReady();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ticket = value;
                        else
                            delete message.ticket;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.files && message.files.length))
                            message.files = [];
                        message.files.push($root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.streams = value;
                        else
                            delete message.streams;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkSizeBytes = value;
                        else
                            delete message.chunkSizeBytes;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dataAddresses && message.dataAddresses.length))
                            message.dataAddresses = [];
                        message.dataAddresses.push(reader.stringVerify());
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.dryRun = value;
                        else
                            delete message.dryRun;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.freeBytes = value;
                        else
                            delete message.freeBytes;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.neededBytes = value;
                        else
                            delete message.neededBytes;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.folders && message.folders.length))
                            message.folders = [];
                        message.folders.push($root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ReceiveReady;
    })();

    etransfer.PrepareSend = (function() {

        /**
         * Properties of a PrepareSend.
         * @typedef {Object} etransfer.PrepareSend.$Properties
         * @property {Uint8Array|null} [transferId] PrepareSend transferId
         * @property {Uint8Array|null} [ticket] PrepareSend ticket
         * @property {Array.<etransfer.FileSpec.$Properties>|null} [files] PrepareSend files
         * @property {number|null} [streams] PrepareSend streams
         * @property {number|null} [chunkSizeBytes] PrepareSend chunkSizeBytes
         * @property {Array.<string>|null} [dialAddresses] PrepareSend dialAddresses
         * @property {Array.<number>|null} [accepted] PrepareSend accepted
         * @property {Uint8Array|null} [peerCertificateSha256] PrepareSend peerCertificateSha256
         * @property {boolean|null} [fallback] PrepareSend fallback
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PrepareSend.
         * @memberof etransfer
         * @interface IPrepareSend
         * @augments etransfer.PrepareSend.$Properties
         * @deprecated Use etransfer.PrepareSend.$Properties instead.
         */

        /**
         * Shape of a PrepareSend.
         * @typedef {etransfer.PrepareSend.$Properties} etransfer.PrepareSend.$Shape
         */

        /**
         * Constructs a new PrepareSend.
         * @memberof etransfer
         * @classdesc Represents a PrepareSend.
         * @constructor
         * @param {etransfer.PrepareSend.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PrepareSend = function (properties) {
            this.files = [];
            this.dialAddresses = [];
            this.accepted = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PrepareSend transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.transferId = $util.newBuffer([]);

        /**
         * PrepareSend ticket.
         * @member {Uint8Array} ticket
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.ticket = $util.newBuffer([]);

        /**
         * PrepareSend files.
         * @member {Array.<etransfer.FileSpec.$Properties>} files
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.files = $util.emptyArray;

        /**
         * PrepareSend streams.
         * @member {number} streams
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.streams = 0;

        /**
         * PrepareSend chunkSizeBytes.
         * @member {number} chunkSizeBytes
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.chunkSizeBytes = 0;

        /**
         * PrepareSend dialAddresses.
         * @member {Array.<string>} dialAddresses
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.dialAddresses = $util.emptyArray;

        /**
         * PrepareSend accepted.
         * @member {Array.<number>} accepted
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.accepted = $util.emptyArray;

        /**
         * PrepareSend peerCertificateSha256.
         * @member {Uint8Array} peerCertificateSha256
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.peerCertificateSha256 = $util.newBuffer([]);

        /**
         * PrepareSend fallback.
         * @member {boolean} fallback
         * @memberof etransfer.PrepareSend
         * @instance
         */
        PrepareSend.prototype.fallback = false;

        /**
         * Creates a new PrepareSend instance using the specified properties.
         * @function create
         * @memberof etransfer.PrepareSend
         * @static
         * @param {etransfer.PrepareSend.$Properties=} [properties] Properties to set
         * @returns {etransfer.PrepareSend} PrepareSend instance
         * @type {{
         *   (properties: etransfer.PrepareSend.$Shape): etransfer.PrepareSend & etransfer.PrepareSend.$Shape;
         *   (properties?: etransfer.PrepareSend.$Properties): etransfer.PrepareSend;
         * }}
         */
        PrepareSend.create = function(properties) {
            return new PrepareSend(properties);
        };

        /**
         * Encodes the specified PrepareSend message. Does not implicitly {@link etransfer.PrepareSend.verify|verify} messages.
         * @function encode
         * @memberof etransfer.PrepareSend
         * @static
         * @param {etransfer.PrepareSend.$Properties} message PrepareSend message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PrepareSend.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.ticket != null && $Object.hasOwnProperty.call(message, "ticket") && message.ticket.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.ticket);
            if (message.files != null && message.files.length)
                for (let i = 0; i < message.files.length; ++i)
                    $root.etransfer.FileSpec.encode(message.files[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.streams != null && $Object.hasOwnProperty.call(message, "streams") && message.streams !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.streams);
            if (message.chunkSizeBytes != null && $Object.hasOwnProperty.call(message, "chunkSizeBytes") && message.chunkSizeBytes !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.chunkSizeBytes);
            if (message.dialAddresses != null && message.dialAddresses.length)
                for (let i = 0; i < message.dialAddresses.length; ++i)
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.dialAddresses[i]);
            if (message.accepted != null && message.accepted.length)
                writer.uint32(/* id 7, wireType 2 =*/58).uint32s(message.accepted);
            if (message.peerCertificateSha256 != null && $Object.hasOwnProperty.call(message, "peerCertificateSha256") && message.peerCertificateSha256.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.peerCertificateSha256);
            if (message.fallback != null && $Object.hasOwnProperty.call(message, "fallback") && message.fallback !== false)
                writer.uint32(/* id 9, wireType 0 =*/72).bool(message.fallback);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PrepareSend message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.PrepareSend
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.PrepareSend & etransfer.PrepareSend.$Shape} PrepareSend
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PrepareSend.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.PrepareSend();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ticket = value;
                        else
                            delete message.ticket;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.files && message.files.length))
                            message.files = [];
                        message.files.push($root.etransfer.FileSpec.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.streams = value;
                        else
                            delete message.streams;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkSizeBytes = value;
                        else
                            delete message.chunkSizeBytes;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dialAddresses && message.dialAddresses.length))
                            message.dialAddresses = [];
                        message.dialAddresses.push(reader.stringVerify());
                        continue;
                    }
                case 7: {
                        if (wireType === 2) {
                            if (!(message.accepted && message.accepted.length))
                                message.accepted = [];
                            reader.uint32s(message.accepted);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.accepted && message.accepted.length))
                            message.accepted = [];
                        message.accepted.push(reader.uint32());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.peerCertificateSha256 = value;
                        else
                            delete message.peerCertificateSha256;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.fallback = value;
                        else
                            delete message.fallback;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PrepareSend;
    })();

    etransfer.SendReady = (function() {

        /**
         * Properties of a SendReady.
         * @typedef {Object} etransfer.SendReady.$Properties
         * @property {Array.<etransfer.Status.$Properties>|null} [files] SendReady files
         * @property {Array.<string>|null} [dataAddresses] SendReady dataAddresses
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SendReady.
         * @memberof etransfer
         * @interface ISendReady
         * @augments etransfer.SendReady.$Properties
         * @deprecated Use etransfer.SendReady.$Properties instead.
         */

        /**
         * Shape of a SendReady.
         * @typedef {etransfer.SendReady.$Properties} etransfer.SendReady.$Shape
         */

        /**
         * Constructs a new SendReady.
         * @memberof etransfer
         * @classdesc Represents a SendReady.
         * @constructor
         * @param {etransfer.SendReady.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SendReady = function (properties) {
            this.files = [];
            this.dataAddresses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SendReady files.
         * @member {Array.<etransfer.Status.$Properties>} files
         * @memberof etransfer.SendReady
         * @instance
         */
        SendReady.prototype.files = $util.emptyArray;

        /**
         * SendReady dataAddresses.
         * @member {Array.<string>} dataAddresses
         * @memberof etransfer.SendReady
         * @instance
         */
        SendReady.prototype.dataAddresses = $util.emptyArray;

        /**
         * Creates a new SendReady instance using the specified properties.
         * @function create
         * @memberof etransfer.SendReady
         * @static
         * @param {etransfer.SendReady.$Properties=} [properties] Properties to set
         * @returns {etransfer.SendReady} SendReady instance
         * @type {{
         *   (properties: etransfer.SendReady.$Shape): etransfer.SendReady & etransfer.SendReady.$Shape;
         *   (properties?: etransfer.SendReady.$Properties): etransfer.SendReady;
         * }}
         */
        SendReady.create = function(properties) {
            return new SendReady(properties);
        };

        /**
         * Encodes the specified SendReady message. Does not implicitly {@link etransfer.SendReady.verify|verify} messages.
         * @function encode
         * @memberof etransfer.SendReady
         * @static
         * @param {etransfer.SendReady.$Properties} message SendReady message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SendReady.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.files != null && message.files.length)
                for (let i = 0; i < message.files.length; ++i)
                    $root.etransfer.Status.encode(message.files[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.dataAddresses != null && message.dataAddresses.length)
                for (let i = 0; i < message.dataAddresses.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.dataAddresses[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SendReady message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.SendReady
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.SendReady & etransfer.SendReady.$Shape} SendReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SendReady.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.SendReady();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.files && message.files.length))
                            message.files = [];
                        message.files.push($root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dataAddresses && message.dataAddresses.length))
                            message.dataAddresses = [];
                        message.dataAddresses.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return SendReady;
    })();

    etransfer.ConnectData = (function() {

        /**
         * Properties of a ConnectData.
         * @typedef {Object} etransfer.ConnectData.$Properties
         * @property {Uint8Array|null} [transferId] ConnectData transferId
         * @property {Array.<string>|null} [dialAddresses] ConnectData dialAddresses
         * @property {Uint8Array|null} [peerCertificateSha256] ConnectData peerCertificateSha256
         * @property {boolean|null} [fallback] ConnectData fallback
         * @property {boolean|null} [relay] ConnectData relay
         * @property {Uint8Array|null} [relayCertificateSha256] ConnectData relayCertificateSha256
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConnectData.
         * @memberof etransfer
         * @interface IConnectData
         * @augments etransfer.ConnectData.$Properties
         * @deprecated Use etransfer.ConnectData.$Properties instead.
         */

        /**
         * Shape of a ConnectData.
         * @typedef {etransfer.ConnectData.$Properties} etransfer.ConnectData.$Shape
         */

        /**
         * Constructs a new ConnectData.
         * @memberof etransfer
         * @classdesc Represents a ConnectData.
         * @constructor
         * @param {etransfer.ConnectData.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConnectData = function (properties) {
            this.dialAddresses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConnectData transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.transferId = $util.newBuffer([]);

        /**
         * ConnectData dialAddresses.
         * @member {Array.<string>} dialAddresses
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.dialAddresses = $util.emptyArray;

        /**
         * ConnectData peerCertificateSha256.
         * @member {Uint8Array} peerCertificateSha256
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.peerCertificateSha256 = $util.newBuffer([]);

        /**
         * ConnectData fallback.
         * @member {boolean} fallback
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.fallback = false;

        /**
         * ConnectData relay.
         * @member {boolean} relay
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.relay = false;

        /**
         * ConnectData relayCertificateSha256.
         * @member {Uint8Array} relayCertificateSha256
         * @memberof etransfer.ConnectData
         * @instance
         */
        ConnectData.prototype.relayCertificateSha256 = $util.newBuffer([]);

        /**
         * Creates a new ConnectData instance using the specified properties.
         * @function create
         * @memberof etransfer.ConnectData
         * @static
         * @param {etransfer.ConnectData.$Properties=} [properties] Properties to set
         * @returns {etransfer.ConnectData} ConnectData instance
         * @type {{
         *   (properties: etransfer.ConnectData.$Shape): etransfer.ConnectData & etransfer.ConnectData.$Shape;
         *   (properties?: etransfer.ConnectData.$Properties): etransfer.ConnectData;
         * }}
         */
        ConnectData.create = function(properties) {
            return new ConnectData(properties);
        };

        /**
         * Encodes the specified ConnectData message. Does not implicitly {@link etransfer.ConnectData.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ConnectData
         * @static
         * @param {etransfer.ConnectData.$Properties} message ConnectData message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConnectData.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.dialAddresses != null && message.dialAddresses.length)
                for (let i = 0; i < message.dialAddresses.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.dialAddresses[i]);
            if (message.peerCertificateSha256 != null && $Object.hasOwnProperty.call(message, "peerCertificateSha256") && message.peerCertificateSha256.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.peerCertificateSha256);
            if (message.fallback != null && $Object.hasOwnProperty.call(message, "fallback") && message.fallback !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.fallback);
            if (message.relay != null && $Object.hasOwnProperty.call(message, "relay") && message.relay !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.relay);
            if (message.relayCertificateSha256 != null && $Object.hasOwnProperty.call(message, "relayCertificateSha256") && message.relayCertificateSha256.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.relayCertificateSha256);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConnectData message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ConnectData
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ConnectData & etransfer.ConnectData.$Shape} ConnectData
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConnectData.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ConnectData();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dialAddresses && message.dialAddresses.length))
                            message.dialAddresses = [];
                        message.dialAddresses.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.peerCertificateSha256 = value;
                        else
                            delete message.peerCertificateSha256;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.fallback = value;
                        else
                            delete message.fallback;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.relay = value;
                        else
                            delete message.relay;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.relayCertificateSha256 = value;
                        else
                            delete message.relayCertificateSha256;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ConnectData;
    })();

    etransfer.PrepareRelay = (function() {

        /**
         * Properties of a PrepareRelay.
         * @typedef {Object} etransfer.PrepareRelay.$Properties
         * @property {Uint8Array|null} [transferId] PrepareRelay transferId
         * @property {Uint8Array|null} [relayKey] PrepareRelay relayKey
         * @property {number|null} [streams] PrepareRelay streams
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PrepareRelay.
         * @memberof etransfer
         * @interface IPrepareRelay
         * @augments etransfer.PrepareRelay.$Properties
         * @deprecated Use etransfer.PrepareRelay.$Properties instead.
         */

        /**
         * Shape of a PrepareRelay.
         * @typedef {etransfer.PrepareRelay.$Properties} etransfer.PrepareRelay.$Shape
         */

        /**
         * Constructs a new PrepareRelay.
         * @memberof etransfer
         * @classdesc Represents a PrepareRelay.
         * @constructor
         * @param {etransfer.PrepareRelay.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PrepareRelay = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PrepareRelay transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.PrepareRelay
         * @instance
         */
        PrepareRelay.prototype.transferId = $util.newBuffer([]);

        /**
         * PrepareRelay relayKey.
         * @member {Uint8Array} relayKey
         * @memberof etransfer.PrepareRelay
         * @instance
         */
        PrepareRelay.prototype.relayKey = $util.newBuffer([]);

        /**
         * PrepareRelay streams.
         * @member {number} streams
         * @memberof etransfer.PrepareRelay
         * @instance
         */
        PrepareRelay.prototype.streams = 0;

        /**
         * Creates a new PrepareRelay instance using the specified properties.
         * @function create
         * @memberof etransfer.PrepareRelay
         * @static
         * @param {etransfer.PrepareRelay.$Properties=} [properties] Properties to set
         * @returns {etransfer.PrepareRelay} PrepareRelay instance
         * @type {{
         *   (properties: etransfer.PrepareRelay.$Shape): etransfer.PrepareRelay & etransfer.PrepareRelay.$Shape;
         *   (properties?: etransfer.PrepareRelay.$Properties): etransfer.PrepareRelay;
         * }}
         */
        PrepareRelay.create = function(properties) {
            return new PrepareRelay(properties);
        };

        /**
         * Encodes the specified PrepareRelay message. Does not implicitly {@link etransfer.PrepareRelay.verify|verify} messages.
         * @function encode
         * @memberof etransfer.PrepareRelay
         * @static
         * @param {etransfer.PrepareRelay.$Properties} message PrepareRelay message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PrepareRelay.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.relayKey != null && $Object.hasOwnProperty.call(message, "relayKey") && message.relayKey.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.relayKey);
            if (message.streams != null && $Object.hasOwnProperty.call(message, "streams") && message.streams !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.streams);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PrepareRelay message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.PrepareRelay
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.PrepareRelay & etransfer.PrepareRelay.$Shape} PrepareRelay
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PrepareRelay.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.PrepareRelay();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.relayKey = value;
                        else
                            delete message.relayKey;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.streams = value;
                        else
                            delete message.streams;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PrepareRelay;
    })();

    etransfer.RelayReady = (function() {

        /**
         * Properties of a RelayReady.
         * @typedef {Object} etransfer.RelayReady.$Properties
         * @property {Array.<string>|null} [dataAddresses] RelayReady dataAddresses
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RelayReady.
         * @memberof etransfer
         * @interface IRelayReady
         * @augments etransfer.RelayReady.$Properties
         * @deprecated Use etransfer.RelayReady.$Properties instead.
         */

        /**
         * Shape of a RelayReady.
         * @typedef {etransfer.RelayReady.$Properties} etransfer.RelayReady.$Shape
         */

        /**
         * Constructs a new RelayReady.
         * @memberof etransfer
         * @classdesc Represents a RelayReady.
         * @constructor
         * @param {etransfer.RelayReady.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RelayReady = function (properties) {
            this.dataAddresses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RelayReady dataAddresses.
         * @member {Array.<string>} dataAddresses
         * @memberof etransfer.RelayReady
         * @instance
         */
        RelayReady.prototype.dataAddresses = $util.emptyArray;

        /**
         * Creates a new RelayReady instance using the specified properties.
         * @function create
         * @memberof etransfer.RelayReady
         * @static
         * @param {etransfer.RelayReady.$Properties=} [properties] Properties to set
         * @returns {etransfer.RelayReady} RelayReady instance
         * @type {{
         *   (properties: etransfer.RelayReady.$Shape): etransfer.RelayReady & etransfer.RelayReady.$Shape;
         *   (properties?: etransfer.RelayReady.$Properties): etransfer.RelayReady;
         * }}
         */
        RelayReady.create = function(properties) {
            return new RelayReady(properties);
        };

        /**
         * Encodes the specified RelayReady message. Does not implicitly {@link etransfer.RelayReady.verify|verify} messages.
         * @function encode
         * @memberof etransfer.RelayReady
         * @static
         * @param {etransfer.RelayReady.$Properties} message RelayReady message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RelayReady.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.dataAddresses != null && message.dataAddresses.length)
                for (let i = 0; i < message.dataAddresses.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.dataAddresses[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RelayReady message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.RelayReady
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.RelayReady & etransfer.RelayReady.$Shape} RelayReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RelayReady.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.RelayReady();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dataAddresses && message.dataAddresses.length))
                            message.dataAddresses = [];
                        message.dataAddresses.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RelayReady;
    })();

    etransfer.Ack = (function() {

        /**
         * Properties of an Ack.
         * @typedef {Object} etransfer.Ack.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Ack.
         * @memberof etransfer
         * @interface IAck
         * @augments etransfer.Ack.$Properties
         * @deprecated Use etransfer.Ack.$Properties instead.
         */

        /**
         * Shape of an Ack.
         * @typedef {etransfer.Ack.$Properties} etransfer.Ack.$Shape
         */

        /**
         * Constructs a new Ack.
         * @memberof etransfer
         * @classdesc Represents an Ack.
         * @constructor
         * @param {etransfer.Ack.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ack = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new Ack instance using the specified properties.
         * @function create
         * @memberof etransfer.Ack
         * @static
         * @param {etransfer.Ack.$Properties=} [properties] Properties to set
         * @returns {etransfer.Ack} Ack instance
         * @type {{
         *   (properties: etransfer.Ack.$Shape): etransfer.Ack & etransfer.Ack.$Shape;
         *   (properties?: etransfer.Ack.$Properties): etransfer.Ack;
         * }}
         */
        Ack.create = function(properties) {
            return new Ack(properties);
        };

        /**
         * Encodes the specified Ack message. Does not implicitly {@link etransfer.Ack.verify|verify} messages.
         * @function encode
         * @memberof etransfer.Ack
         * @static
         * @param {etransfer.Ack.$Properties} message Ack message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ack.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.Ack
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.Ack & etransfer.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ack.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.Ack();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Ack;
    })();

    /**
     * EventKind enum.
     * @name etransfer.EventKind
     * @enum {number}
     * @property {number} EVENT_KIND_UNKNOWN=0 EVENT_KIND_UNKNOWN value
     * @property {number} EVENT_KIND_PROGRESS=1 EVENT_KIND_PROGRESS value
     * @property {number} EVENT_KIND_FILE_DONE=2 EVENT_KIND_FILE_DONE value
     * @property {number} EVENT_KIND_FILE_FAILED=3 EVENT_KIND_FILE_FAILED value
     * @property {number} EVENT_KIND_TRANSFER_DONE=4 EVENT_KIND_TRANSFER_DONE value
     * @property {number} EVENT_KIND_TRANSFER_FAILED=5 EVENT_KIND_TRANSFER_FAILED value
     * @property {number} EVENT_KIND_DATA_CONNECTED=6 EVENT_KIND_DATA_CONNECTED value
     * @property {number} EVENT_KIND_DIAL_FAILED=7 EVENT_KIND_DIAL_FAILED value
     */
    etransfer.EventKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "EVENT_KIND_UNKNOWN"] = 0;
        values[valuesById[1] = "EVENT_KIND_PROGRESS"] = 1;
        values[valuesById[2] = "EVENT_KIND_FILE_DONE"] = 2;
        values[valuesById[3] = "EVENT_KIND_FILE_FAILED"] = 3;
        values[valuesById[4] = "EVENT_KIND_TRANSFER_DONE"] = 4;
        values[valuesById[5] = "EVENT_KIND_TRANSFER_FAILED"] = 5;
        values[valuesById[6] = "EVENT_KIND_DATA_CONNECTED"] = 6;
        values[valuesById[7] = "EVENT_KIND_DIAL_FAILED"] = 7;
        return values;
    })();

    etransfer.TransferEvent = (function() {

        /**
         * Properties of a TransferEvent.
         * @typedef {Object} etransfer.TransferEvent.$Properties
         * @property {Uint8Array|null} [transferId] TransferEvent transferId
         * @property {etransfer.EventKind|null} [kind] TransferEvent kind
         * @property {number|null} [fileIndex] TransferEvent fileIndex
         * @property {Array.<number>|null} [progressFiles] TransferEvent progressFiles
         * @property {Array.<number|Long>|null} [progressBytes] TransferEvent progressBytes
         * @property {etransfer.Status.$Properties|null} [status] TransferEvent status
         * @property {number|Long|null} [bytes] TransferEvent bytes
         * @property {Uint8Array|null} [digest] TransferEvent digest
         * @property {string|null} [address] TransferEvent address
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TransferEvent.
         * @memberof etransfer
         * @interface ITransferEvent
         * @augments etransfer.TransferEvent.$Properties
         * @deprecated Use etransfer.TransferEvent.$Properties instead.
         */

        /**
         * Shape of a TransferEvent.
         * @typedef {etransfer.TransferEvent.$Properties} etransfer.TransferEvent.$Shape
         */

        /**
         * Constructs a new TransferEvent.
         * @memberof etransfer
         * @classdesc Represents a TransferEvent.
         * @constructor
         * @param {etransfer.TransferEvent.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TransferEvent = function (properties) {
            this.progressFiles = [];
            this.progressBytes = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TransferEvent transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.transferId = $util.newBuffer([]);

        /**
         * TransferEvent kind.
         * @member {etransfer.EventKind} kind
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.kind = 0;

        /**
         * TransferEvent fileIndex.
         * @member {number} fileIndex
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.fileIndex = 0;

        /**
         * TransferEvent progressFiles.
         * @member {Array.<number>} progressFiles
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.progressFiles = $util.emptyArray;

        /**
         * TransferEvent progressBytes.
         * @member {Array.<number|Long>} progressBytes
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.progressBytes = $util.emptyArray;

        /**
         * TransferEvent status.
         * @member {etransfer.Status.$Properties|null|undefined} status
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.status = null;

        /**
         * TransferEvent bytes.
         * @member {number|Long} bytes
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TransferEvent digest.
         * @member {Uint8Array} digest
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.digest = $util.newBuffer([]);

        /**
         * TransferEvent address.
         * @member {string} address
         * @memberof etransfer.TransferEvent
         * @instance
         */
        TransferEvent.prototype.address = "";

        /**
         * Creates a new TransferEvent instance using the specified properties.
         * @function create
         * @memberof etransfer.TransferEvent
         * @static
         * @param {etransfer.TransferEvent.$Properties=} [properties] Properties to set
         * @returns {etransfer.TransferEvent} TransferEvent instance
         * @type {{
         *   (properties: etransfer.TransferEvent.$Shape): etransfer.TransferEvent & etransfer.TransferEvent.$Shape;
         *   (properties?: etransfer.TransferEvent.$Properties): etransfer.TransferEvent;
         * }}
         */
        TransferEvent.create = function(properties) {
            return new TransferEvent(properties);
        };

        /**
         * Encodes the specified TransferEvent message. Does not implicitly {@link etransfer.TransferEvent.verify|verify} messages.
         * @function encode
         * @memberof etransfer.TransferEvent
         * @static
         * @param {etransfer.TransferEvent.$Properties} message TransferEvent message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TransferEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
            if (message.fileIndex != null && $Object.hasOwnProperty.call(message, "fileIndex") && message.fileIndex !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.fileIndex);
            if (message.progressFiles != null && message.progressFiles.length)
                writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.progressFiles);
            if (message.progressBytes != null && message.progressBytes.length)
                writer.uint32(/* id 5, wireType 2 =*/42).uint64s(message.progressBytes);
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                $root.etransfer.Status.encode(message.status, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && (typeof message.bytes === "object" ? message.bytes.low || message.bytes.high : message.bytes !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.bytes);
            if (message.digest != null && $Object.hasOwnProperty.call(message, "digest") && message.digest.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.digest);
            if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.address);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TransferEvent message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.TransferEvent
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.TransferEvent & etransfer.TransferEvent.$Shape} TransferEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TransferEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.TransferEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.fileIndex = value;
                        else
                            delete message.fileIndex;
                        continue;
                    }
                case 4: {
                        if (wireType === 2) {
                            if (!(message.progressFiles && message.progressFiles.length))
                                message.progressFiles = [];
                            reader.uint32s(message.progressFiles);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.progressFiles && message.progressFiles.length))
                            message.progressFiles = [];
                        message.progressFiles.push(reader.uint32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.progressBytes && message.progressBytes.length))
                                message.progressBytes = [];
                            reader.uint64s(message.progressBytes);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.progressBytes && message.progressBytes.length))
                            message.progressBytes = [];
                        message.progressBytes.push(reader.uint64());
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.status = $root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytes = value;
                        else
                            delete message.bytes;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.digest = value;
                        else
                            delete message.digest;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.address = value;
                        else
                            delete message.address;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TransferEvent;
    })();

    etransfer.CancelTransfer = (function() {

        /**
         * Properties of a CancelTransfer.
         * @typedef {Object} etransfer.CancelTransfer.$Properties
         * @property {Uint8Array|null} [transferId] CancelTransfer transferId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CancelTransfer.
         * @memberof etransfer
         * @interface ICancelTransfer
         * @augments etransfer.CancelTransfer.$Properties
         * @deprecated Use etransfer.CancelTransfer.$Properties instead.
         */

        /**
         * Shape of a CancelTransfer.
         * @typedef {etransfer.CancelTransfer.$Properties} etransfer.CancelTransfer.$Shape
         */

        /**
         * Constructs a new CancelTransfer.
         * @memberof etransfer
         * @classdesc Represents a CancelTransfer.
         * @constructor
         * @param {etransfer.CancelTransfer.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CancelTransfer = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CancelTransfer transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.CancelTransfer
         * @instance
         */
        CancelTransfer.prototype.transferId = $util.newBuffer([]);

        /**
         * Creates a new CancelTransfer instance using the specified properties.
         * @function create
         * @memberof etransfer.CancelTransfer
         * @static
         * @param {etransfer.CancelTransfer.$Properties=} [properties] Properties to set
         * @returns {etransfer.CancelTransfer} CancelTransfer instance
         * @type {{
         *   (properties: etransfer.CancelTransfer.$Shape): etransfer.CancelTransfer & etransfer.CancelTransfer.$Shape;
         *   (properties?: etransfer.CancelTransfer.$Properties): etransfer.CancelTransfer;
         * }}
         */
        CancelTransfer.create = function(properties) {
            return new CancelTransfer(properties);
        };

        /**
         * Encodes the specified CancelTransfer message. Does not implicitly {@link etransfer.CancelTransfer.verify|verify} messages.
         * @function encode
         * @memberof etransfer.CancelTransfer
         * @static
         * @param {etransfer.CancelTransfer.$Properties} message CancelTransfer message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CancelTransfer.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CancelTransfer message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.CancelTransfer
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.CancelTransfer & etransfer.CancelTransfer.$Shape} CancelTransfer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CancelTransfer.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.CancelTransfer();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CancelTransfer;
    })();

    etransfer.Authenticate = (function() {

        /**
         * Properties of an Authenticate.
         * @typedef {Object} etransfer.Authenticate.$Properties
         * @property {string|null} [user] Authenticate user
         * @property {Uint8Array|null} [publicKey] Authenticate publicKey
         * @property {Uint8Array|null} [signature] Authenticate signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Authenticate.
         * @memberof etransfer
         * @interface IAuthenticate
         * @augments etransfer.Authenticate.$Properties
         * @deprecated Use etransfer.Authenticate.$Properties instead.
         */

        /**
         * Shape of an Authenticate.
         * @typedef {etransfer.Authenticate.$Properties} etransfer.Authenticate.$Shape
         */

        /**
         * Constructs a new Authenticate.
         * @memberof etransfer
         * @classdesc Represents an Authenticate.
         * @constructor
         * @param {etransfer.Authenticate.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Authenticate = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Authenticate user.
         * @member {string} user
         * @memberof etransfer.Authenticate
         * @instance
         */
        Authenticate.prototype.user = "";

        /**
         * Authenticate publicKey.
         * @member {Uint8Array} publicKey
         * @memberof etransfer.Authenticate
         * @instance
         */
        Authenticate.prototype.publicKey = $util.newBuffer([]);

        /**
         * Authenticate signature.
         * @member {Uint8Array} signature
         * @memberof etransfer.Authenticate
         * @instance
         */
        Authenticate.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new Authenticate instance using the specified properties.
         * @function create
         * @memberof etransfer.Authenticate
         * @static
         * @param {etransfer.Authenticate.$Properties=} [properties] Properties to set
         * @returns {etransfer.Authenticate} Authenticate instance
         * @type {{
         *   (properties: etransfer.Authenticate.$Shape): etransfer.Authenticate & etransfer.Authenticate.$Shape;
         *   (properties?: etransfer.Authenticate.$Properties): etransfer.Authenticate;
         * }}
         */
        Authenticate.create = function(properties) {
            return new Authenticate(properties);
        };

        /**
         * Encodes the specified Authenticate message. Does not implicitly {@link etransfer.Authenticate.verify|verify} messages.
         * @function encode
         * @memberof etransfer.Authenticate
         * @static
         * @param {etransfer.Authenticate.$Properties} message Authenticate message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Authenticate.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.user);
            if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.publicKey);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Authenticate message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.Authenticate
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.Authenticate & etransfer.Authenticate.$Shape} Authenticate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Authenticate.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.Authenticate();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.user = value;
                        else
                            delete message.user;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.publicKey = value;
                        else
                            delete message.publicKey;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Authenticate;
    })();

    etransfer.ExpandRequest = (function() {

        /**
         * Properties of an ExpandRequest.
         * @typedef {Object} etransfer.ExpandRequest.$Properties
         * @property {Array.<string>|null} [paths] ExpandRequest paths
         * @property {boolean|null} [recursive] ExpandRequest recursive
         * @property {string|null} [right] ExpandRequest right
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ExpandRequest.
         * @memberof etransfer
         * @interface IExpandRequest
         * @augments etransfer.ExpandRequest.$Properties
         * @deprecated Use etransfer.ExpandRequest.$Properties instead.
         */

        /**
         * Shape of an ExpandRequest.
         * @typedef {etransfer.ExpandRequest.$Properties} etransfer.ExpandRequest.$Shape
         */

        /**
         * Constructs a new ExpandRequest.
         * @memberof etransfer
         * @classdesc Represents an ExpandRequest.
         * @constructor
         * @param {etransfer.ExpandRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ExpandRequest = function (properties) {
            this.paths = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ExpandRequest paths.
         * @member {Array.<string>} paths
         * @memberof etransfer.ExpandRequest
         * @instance
         */
        ExpandRequest.prototype.paths = $util.emptyArray;

        /**
         * ExpandRequest recursive.
         * @member {boolean} recursive
         * @memberof etransfer.ExpandRequest
         * @instance
         */
        ExpandRequest.prototype.recursive = false;

        /**
         * ExpandRequest right.
         * @member {string} right
         * @memberof etransfer.ExpandRequest
         * @instance
         */
        ExpandRequest.prototype.right = "";

        /**
         * Creates a new ExpandRequest instance using the specified properties.
         * @function create
         * @memberof etransfer.ExpandRequest
         * @static
         * @param {etransfer.ExpandRequest.$Properties=} [properties] Properties to set
         * @returns {etransfer.ExpandRequest} ExpandRequest instance
         * @type {{
         *   (properties: etransfer.ExpandRequest.$Shape): etransfer.ExpandRequest & etransfer.ExpandRequest.$Shape;
         *   (properties?: etransfer.ExpandRequest.$Properties): etransfer.ExpandRequest;
         * }}
         */
        ExpandRequest.create = function(properties) {
            return new ExpandRequest(properties);
        };

        /**
         * Encodes the specified ExpandRequest message. Does not implicitly {@link etransfer.ExpandRequest.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ExpandRequest
         * @static
         * @param {etransfer.ExpandRequest.$Properties} message ExpandRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ExpandRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.paths != null && message.paths.length)
                for (let i = 0; i < message.paths.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paths[i]);
            if (message.recursive != null && $Object.hasOwnProperty.call(message, "recursive") && message.recursive !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.recursive);
            if (message.right != null && $Object.hasOwnProperty.call(message, "right") && message.right !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.right);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ExpandRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ExpandRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ExpandRequest & etransfer.ExpandRequest.$Shape} ExpandRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ExpandRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ExpandRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.paths && message.paths.length))
                            message.paths = [];
                        message.paths.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.recursive = value;
                        else
                            delete message.recursive;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.right = value;
                        else
                            delete message.right;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ExpandRequest;
    })();

    etransfer.ExpandEntry = (function() {

        /**
         * Properties of an ExpandEntry.
         * @typedef {Object} etransfer.ExpandEntry.$Properties
         * @property {string|null} [path] ExpandEntry path
         * @property {etransfer.Status.$Properties|null} [status] ExpandEntry status
         * @property {etransfer.FileInfo.$Properties|null} [info] ExpandEntry info
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ExpandEntry.
         * @memberof etransfer
         * @interface IExpandEntry
         * @augments etransfer.ExpandEntry.$Properties
         * @deprecated Use etransfer.ExpandEntry.$Properties instead.
         */

        /**
         * Shape of an ExpandEntry.
         * @typedef {etransfer.ExpandEntry.$Properties} etransfer.ExpandEntry.$Shape
         */

        /**
         * Constructs a new ExpandEntry.
         * @memberof etransfer
         * @classdesc Represents an ExpandEntry.
         * @constructor
         * @param {etransfer.ExpandEntry.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ExpandEntry = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ExpandEntry path.
         * @member {string} path
         * @memberof etransfer.ExpandEntry
         * @instance
         */
        ExpandEntry.prototype.path = "";

        /**
         * ExpandEntry status.
         * @member {etransfer.Status.$Properties|null|undefined} status
         * @memberof etransfer.ExpandEntry
         * @instance
         */
        ExpandEntry.prototype.status = null;

        /**
         * ExpandEntry info.
         * @member {etransfer.FileInfo.$Properties|null|undefined} info
         * @memberof etransfer.ExpandEntry
         * @instance
         */
        ExpandEntry.prototype.info = null;

        /**
         * Creates a new ExpandEntry instance using the specified properties.
         * @function create
         * @memberof etransfer.ExpandEntry
         * @static
         * @param {etransfer.ExpandEntry.$Properties=} [properties] Properties to set
         * @returns {etransfer.ExpandEntry} ExpandEntry instance
         * @type {{
         *   (properties: etransfer.ExpandEntry.$Shape): etransfer.ExpandEntry & etransfer.ExpandEntry.$Shape;
         *   (properties?: etransfer.ExpandEntry.$Properties): etransfer.ExpandEntry;
         * }}
         */
        ExpandEntry.create = function(properties) {
            return new ExpandEntry(properties);
        };

        /**
         * Encodes the specified ExpandEntry message. Does not implicitly {@link etransfer.ExpandEntry.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ExpandEntry
         * @static
         * @param {etransfer.ExpandEntry.$Properties} message ExpandEntry message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ExpandEntry.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                $root.etransfer.Status.encode(message.status, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.info != null && $Object.hasOwnProperty.call(message, "info"))
                $root.etransfer.FileInfo.encode(message.info, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ExpandEntry message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ExpandEntry
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ExpandEntry & etransfer.ExpandEntry.$Shape} ExpandEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ExpandEntry.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ExpandEntry();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.status = $root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.info = $root.etransfer.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.info);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ExpandEntry;
    })();

    etransfer.ExpandRoot = (function() {

        /**
         * Properties of an ExpandRoot.
         * @typedef {Object} etransfer.ExpandRoot.$Properties
         * @property {number|null} [source] ExpandRoot source
         * @property {string|null} [path] ExpandRoot path
         * @property {etransfer.Status.$Properties|null} [status] ExpandRoot status
         * @property {etransfer.FileInfo.$Properties|null} [info] ExpandRoot info
         * @property {Array.<etransfer.ExpandEntry.$Properties>|null} [entries] ExpandRoot entries
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ExpandRoot.
         * @memberof etransfer
         * @interface IExpandRoot
         * @augments etransfer.ExpandRoot.$Properties
         * @deprecated Use etransfer.ExpandRoot.$Properties instead.
         */

        /**
         * Shape of an ExpandRoot.
         * @typedef {etransfer.ExpandRoot.$Properties} etransfer.ExpandRoot.$Shape
         */

        /**
         * Constructs a new ExpandRoot.
         * @memberof etransfer
         * @classdesc Represents an ExpandRoot.
         * @constructor
         * @param {etransfer.ExpandRoot.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ExpandRoot = function (properties) {
            this.entries = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ExpandRoot source.
         * @member {number} source
         * @memberof etransfer.ExpandRoot
         * @instance
         */
        ExpandRoot.prototype.source = 0;

        /**
         * ExpandRoot path.
         * @member {string} path
         * @memberof etransfer.ExpandRoot
         * @instance
         */
        ExpandRoot.prototype.path = "";

        /**
         * ExpandRoot status.
         * @member {etransfer.Status.$Properties|null|undefined} status
         * @memberof etransfer.ExpandRoot
         * @instance
         */
        ExpandRoot.prototype.status = null;

        /**
         * ExpandRoot info.
         * @member {etransfer.FileInfo.$Properties|null|undefined} info
         * @memberof etransfer.ExpandRoot
         * @instance
         */
        ExpandRoot.prototype.info = null;

        /**
         * ExpandRoot entries.
         * @member {Array.<etransfer.ExpandEntry.$Properties>} entries
         * @memberof etransfer.ExpandRoot
         * @instance
         */
        ExpandRoot.prototype.entries = $util.emptyArray;

        /**
         * Creates a new ExpandRoot instance using the specified properties.
         * @function create
         * @memberof etransfer.ExpandRoot
         * @static
         * @param {etransfer.ExpandRoot.$Properties=} [properties] Properties to set
         * @returns {etransfer.ExpandRoot} ExpandRoot instance
         * @type {{
         *   (properties: etransfer.ExpandRoot.$Shape): etransfer.ExpandRoot & etransfer.ExpandRoot.$Shape;
         *   (properties?: etransfer.ExpandRoot.$Properties): etransfer.ExpandRoot;
         * }}
         */
        ExpandRoot.create = function(properties) {
            return new ExpandRoot(properties);
        };

        /**
         * Encodes the specified ExpandRoot message. Does not implicitly {@link etransfer.ExpandRoot.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ExpandRoot
         * @static
         * @param {etransfer.ExpandRoot.$Properties} message ExpandRoot message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ExpandRoot.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.source);
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.path);
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                $root.etransfer.Status.encode(message.status, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.info != null && $Object.hasOwnProperty.call(message, "info"))
                $root.etransfer.FileInfo.encode(message.info, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.entries != null && message.entries.length)
                for (let i = 0; i < message.entries.length; ++i)
                    $root.etransfer.ExpandEntry.encode(message.entries[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ExpandRoot message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ExpandRoot
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ExpandRoot & etransfer.ExpandRoot.$Shape} ExpandRoot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ExpandRoot.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ExpandRoot();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.source = value;
                        else
                            delete message.source;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.status = $root.etransfer.Status.decode(reader, reader.size(), $undefined, _depth + 1, message.status);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.info = $root.etransfer.FileInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.info);
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.entries && message.entries.length))
                            message.entries = [];
                        message.entries.push($root.etransfer.ExpandEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ExpandRoot;
    })();

    etransfer.ExpandReply = (function() {

        /**
         * Properties of an ExpandReply.
         * @typedef {Object} etransfer.ExpandReply.$Properties
         * @property {Array.<etransfer.ExpandRoot.$Properties>|null} [roots] ExpandReply roots
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an ExpandReply.
         * @memberof etransfer
         * @interface IExpandReply
         * @augments etransfer.ExpandReply.$Properties
         * @deprecated Use etransfer.ExpandReply.$Properties instead.
         */

        /**
         * Shape of an ExpandReply.
         * @typedef {etransfer.ExpandReply.$Properties} etransfer.ExpandReply.$Shape
         */

        /**
         * Constructs a new ExpandReply.
         * @memberof etransfer
         * @classdesc Represents an ExpandReply.
         * @constructor
         * @param {etransfer.ExpandReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ExpandReply = function (properties) {
            this.roots = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ExpandReply roots.
         * @member {Array.<etransfer.ExpandRoot.$Properties>} roots
         * @memberof etransfer.ExpandReply
         * @instance
         */
        ExpandReply.prototype.roots = $util.emptyArray;

        /**
         * Creates a new ExpandReply instance using the specified properties.
         * @function create
         * @memberof etransfer.ExpandReply
         * @static
         * @param {etransfer.ExpandReply.$Properties=} [properties] Properties to set
         * @returns {etransfer.ExpandReply} ExpandReply instance
         * @type {{
         *   (properties: etransfer.ExpandReply.$Shape): etransfer.ExpandReply & etransfer.ExpandReply.$Shape;
         *   (properties?: etransfer.ExpandReply.$Properties): etransfer.ExpandReply;
         * }}
         */
        ExpandReply.create = function(properties) {
            return new ExpandReply(properties);
        };

        /**
         * Encodes the specified ExpandReply message. Does not implicitly {@link etransfer.ExpandReply.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ExpandReply
         * @static
         * @param {etransfer.ExpandReply.$Properties} message ExpandReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ExpandReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.roots != null && message.roots.length)
                for (let i = 0; i < message.roots.length; ++i)
                    $root.etransfer.ExpandRoot.encode(message.roots[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an ExpandReply message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ExpandReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ExpandReply & etransfer.ExpandReply.$Shape} ExpandReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ExpandReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ExpandReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.roots && message.roots.length))
                            message.roots = [];
                        message.roots.push($root.etransfer.ExpandRoot.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ExpandReply;
    })();

    etransfer.StatusRequest = (function() {

        /**
         * Properties of a StatusRequest.
         * @typedef {Object} etransfer.StatusRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatusRequest.
         * @memberof etransfer
         * @interface IStatusRequest
         * @augments etransfer.StatusRequest.$Properties
         * @deprecated Use etransfer.StatusRequest.$Properties instead.
         */

        /**
         * Shape of a StatusRequest.
         * @typedef {etransfer.StatusRequest.$Properties} etransfer.StatusRequest.$Shape
         */

        /**
         * Constructs a new StatusRequest.
         * @memberof etransfer
         * @classdesc Represents a StatusRequest.
         * @constructor
         * @param {etransfer.StatusRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatusRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @function create
         * @memberof etransfer.StatusRequest
         * @static
         * @param {etransfer.StatusRequest.$Properties=} [properties] Properties to set
         * @returns {etransfer.StatusRequest} StatusRequest instance
         * @type {{
         *   (properties: etransfer.StatusRequest.$Shape): etransfer.StatusRequest & etransfer.StatusRequest.$Shape;
         *   (properties?: etransfer.StatusRequest.$Properties): etransfer.StatusRequest;
         * }}
         */
        StatusRequest.create = function(properties) {
            return new StatusRequest(properties);
        };

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etransfer.StatusRequest.verify|verify} messages.
         * @function encode
         * @memberof etransfer.StatusRequest
         * @static
         * @param {etransfer.StatusRequest.$Properties} message StatusRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatusRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.StatusRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.StatusRequest & etransfer.StatusRequest.$Shape} StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatusRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.StatusRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return StatusRequest;
    })();

    etransfer.TransferStatus = (function() {

        /**
         * Properties of a TransferStatus.
         * @typedef {Object} etransfer.TransferStatus.$Properties
         * @property {Uint8Array|null} [transferId] TransferStatus transferId
         * @property {string|null} [owner] TransferStatus owner
         * @property {string|null} [role] TransferStatus role
         * @property {boolean|null} [dials] TransferStatus dials
         * @property {number|null} [files] TransferStatus files
         * @property {number|Long|null} [bytesTotal] TransferStatus bytesTotal
         * @property {number|Long|null} [bytesDone] TransferStatus bytesDone
         * @property {number|Long|null} [startedMs] TransferStatus startedMs
         * @property {Array.<string>|null} [peers] TransferStatus peers
         * @property {number|null} [streams] TransferStatus streams
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TransferStatus.
         * @memberof etransfer
         * @interface ITransferStatus
         * @augments etransfer.TransferStatus.$Properties
         * @deprecated Use etransfer.TransferStatus.$Properties instead.
         */

        /**
         * Shape of a TransferStatus.
         * @typedef {etransfer.TransferStatus.$Properties} etransfer.TransferStatus.$Shape
         */

        /**
         * Constructs a new TransferStatus.
         * @memberof etransfer
         * @classdesc Represents a TransferStatus.
         * @constructor
         * @param {etransfer.TransferStatus.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TransferStatus = function (properties) {
            this.peers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TransferStatus transferId.
         * @member {Uint8Array} transferId
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.transferId = $util.newBuffer([]);

        /**
         * TransferStatus owner.
         * @member {string} owner
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.owner = "";

        /**
         * TransferStatus role.
         * @member {string} role
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.role = "";

        /**
         * TransferStatus dials.
         * @member {boolean} dials
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.dials = false;

        /**
         * TransferStatus files.
         * @member {number} files
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.files = 0;

        /**
         * TransferStatus bytesTotal.
         * @member {number|Long} bytesTotal
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.bytesTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TransferStatus bytesDone.
         * @member {number|Long} bytesDone
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.bytesDone = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TransferStatus startedMs.
         * @member {number|Long} startedMs
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.startedMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * TransferStatus peers.
         * @member {Array.<string>} peers
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.peers = $util.emptyArray;

        /**
         * TransferStatus streams.
         * @member {number} streams
         * @memberof etransfer.TransferStatus
         * @instance
         */
        TransferStatus.prototype.streams = 0;

        /**
         * Creates a new TransferStatus instance using the specified properties.
         * @function create
         * @memberof etransfer.TransferStatus
         * @static
         * @param {etransfer.TransferStatus.$Properties=} [properties] Properties to set
         * @returns {etransfer.TransferStatus} TransferStatus instance
         * @type {{
         *   (properties: etransfer.TransferStatus.$Shape): etransfer.TransferStatus & etransfer.TransferStatus.$Shape;
         *   (properties?: etransfer.TransferStatus.$Properties): etransfer.TransferStatus;
         * }}
         */
        TransferStatus.create = function(properties) {
            return new TransferStatus(properties);
        };

        /**
         * Encodes the specified TransferStatus message. Does not implicitly {@link etransfer.TransferStatus.verify|verify} messages.
         * @function encode
         * @memberof etransfer.TransferStatus
         * @static
         * @param {etransfer.TransferStatus.$Properties} message TransferStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TransferStatus.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transferId != null && $Object.hasOwnProperty.call(message, "transferId") && message.transferId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.transferId);
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.owner);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.role);
            if (message.dials != null && $Object.hasOwnProperty.call(message, "dials") && message.dials !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.dials);
            if (message.files != null && $Object.hasOwnProperty.call(message, "files") && message.files !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.files);
            if (message.bytesTotal != null && $Object.hasOwnProperty.call(message, "bytesTotal") && (typeof message.bytesTotal === "object" ? message.bytesTotal.low || message.bytesTotal.high : message.bytesTotal !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.bytesTotal);
            if (message.bytesDone != null && $Object.hasOwnProperty.call(message, "bytesDone") && (typeof message.bytesDone === "object" ? message.bytesDone.low || message.bytesDone.high : message.bytesDone !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.bytesDone);
            if (message.startedMs != null && $Object.hasOwnProperty.call(message, "startedMs") && (typeof message.startedMs === "object" ? message.startedMs.low || message.startedMs.high : message.startedMs !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.startedMs);
            if (message.peers != null && message.peers.length)
                for (let i = 0; i < message.peers.length; ++i)
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.peers[i]);
            if (message.streams != null && $Object.hasOwnProperty.call(message, "streams") && message.streams !== 0)
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.streams);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TransferStatus message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.TransferStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.TransferStatus & etransfer.TransferStatus.$Shape} TransferStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TransferStatus.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.TransferStatus();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.transferId = value;
                        else
                            delete message.transferId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.dials = value;
                        else
                            delete message.dials;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.files = value;
                        else
                            delete message.files;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytesTotal = value;
                        else
                            delete message.bytesTotal;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytesDone = value;
                        else
                            delete message.bytesDone;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.startedMs = value;
                        else
                            delete message.startedMs;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if (!(message.peers && message.peers.length))
                            message.peers = [];
                        message.peers.push(reader.stringVerify());
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.streams = value;
                        else
                            delete message.streams;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TransferStatus;
    })();

    etransfer.StatusReply = (function() {

        /**
         * Properties of a StatusReply.
         * @typedef {Object} etransfer.StatusReply.$Properties
         * @property {Array.<etransfer.TransferStatus.$Properties>|null} [transfers] StatusReply transfers
         * @property {etransfer.ServerStatus.$Properties|null} [server] StatusReply server
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatusReply.
         * @memberof etransfer
         * @interface IStatusReply
         * @augments etransfer.StatusReply.$Properties
         * @deprecated Use etransfer.StatusReply.$Properties instead.
         */

        /**
         * Shape of a StatusReply.
         * @typedef {etransfer.StatusReply.$Properties} etransfer.StatusReply.$Shape
         */

        /**
         * Constructs a new StatusReply.
         * @memberof etransfer
         * @classdesc Represents a StatusReply.
         * @constructor
         * @param {etransfer.StatusReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatusReply = function (properties) {
            this.transfers = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatusReply transfers.
         * @member {Array.<etransfer.TransferStatus.$Properties>} transfers
         * @memberof etransfer.StatusReply
         * @instance
         */
        StatusReply.prototype.transfers = $util.emptyArray;

        /**
         * StatusReply server.
         * @member {etransfer.ServerStatus.$Properties|null|undefined} server
         * @memberof etransfer.StatusReply
         * @instance
         */
        StatusReply.prototype.server = null;

        /**
         * Creates a new StatusReply instance using the specified properties.
         * @function create
         * @memberof etransfer.StatusReply
         * @static
         * @param {etransfer.StatusReply.$Properties=} [properties] Properties to set
         * @returns {etransfer.StatusReply} StatusReply instance
         * @type {{
         *   (properties: etransfer.StatusReply.$Shape): etransfer.StatusReply & etransfer.StatusReply.$Shape;
         *   (properties?: etransfer.StatusReply.$Properties): etransfer.StatusReply;
         * }}
         */
        StatusReply.create = function(properties) {
            return new StatusReply(properties);
        };

        /**
         * Encodes the specified StatusReply message. Does not implicitly {@link etransfer.StatusReply.verify|verify} messages.
         * @function encode
         * @memberof etransfer.StatusReply
         * @static
         * @param {etransfer.StatusReply.$Properties} message StatusReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatusReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transfers != null && message.transfers.length)
                for (let i = 0; i < message.transfers.length; ++i)
                    $root.etransfer.TransferStatus.encode(message.transfers[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.server != null && $Object.hasOwnProperty.call(message, "server"))
                $root.etransfer.ServerStatus.encode(message.server, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatusReply message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.StatusReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.StatusReply & etransfer.StatusReply.$Shape} StatusReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatusReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.StatusReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.transfers && message.transfers.length))
                            message.transfers = [];
                        message.transfers.push($root.etransfer.TransferStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.server = $root.etransfer.ServerStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.server);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return StatusReply;
    })();

    etransfer.ServerStatus = (function() {

        /**
         * Properties of a ServerStatus.
         * @typedef {Object} etransfer.ServerStatus.$Properties
         * @property {string|null} [version] ServerStatus version
         * @property {number|Long|null} [startedMs] ServerStatus startedMs
         * @property {number|Long|null} [bytesSent] ServerStatus bytesSent
         * @property {number|Long|null} [bytesReceived] ServerStatus bytesReceived
         * @property {number|Long|null} [filesSent] ServerStatus filesSent
         * @property {number|Long|null} [filesReceived] ServerStatus filesReceived
         * @property {number|Long|null} [transfersDone] ServerStatus transfersDone
         * @property {number|Long|null} [transfersFailed] ServerStatus transfersFailed
         * @property {number|null} [activeTransfers] ServerStatus activeTransfers
         * @property {Array.<etransfer.RecentError.$Properties>|null} [errors] ServerStatus errors
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ServerStatus.
         * @memberof etransfer
         * @interface IServerStatus
         * @augments etransfer.ServerStatus.$Properties
         * @deprecated Use etransfer.ServerStatus.$Properties instead.
         */

        /**
         * Shape of a ServerStatus.
         * @typedef {etransfer.ServerStatus.$Properties} etransfer.ServerStatus.$Shape
         */

        /**
         * Constructs a new ServerStatus.
         * @memberof etransfer
         * @classdesc Represents a ServerStatus.
         * @constructor
         * @param {etransfer.ServerStatus.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ServerStatus = function (properties) {
            this.errors = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ServerStatus version.
         * @member {string} version
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.version = "";

        /**
         * ServerStatus startedMs.
         * @member {number|Long} startedMs
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.startedMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus bytesSent.
         * @member {number|Long} bytesSent
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.bytesSent = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus bytesReceived.
         * @member {number|Long} bytesReceived
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.bytesReceived = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus filesSent.
         * @member {number|Long} filesSent
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.filesSent = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus filesReceived.
         * @member {number|Long} filesReceived
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.filesReceived = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus transfersDone.
         * @member {number|Long} transfersDone
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.transfersDone = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus transfersFailed.
         * @member {number|Long} transfersFailed
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.transfersFailed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ServerStatus activeTransfers.
         * @member {number} activeTransfers
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.activeTransfers = 0;

        /**
         * ServerStatus errors.
         * @member {Array.<etransfer.RecentError.$Properties>} errors
         * @memberof etransfer.ServerStatus
         * @instance
         */
        ServerStatus.prototype.errors = $util.emptyArray;

        /**
         * Creates a new ServerStatus instance using the specified properties.
         * @function create
         * @memberof etransfer.ServerStatus
         * @static
         * @param {etransfer.ServerStatus.$Properties=} [properties] Properties to set
         * @returns {etransfer.ServerStatus} ServerStatus instance
         * @type {{
         *   (properties: etransfer.ServerStatus.$Shape): etransfer.ServerStatus & etransfer.ServerStatus.$Shape;
         *   (properties?: etransfer.ServerStatus.$Properties): etransfer.ServerStatus;
         * }}
         */
        ServerStatus.create = function(properties) {
            return new ServerStatus(properties);
        };

        /**
         * Encodes the specified ServerStatus message. Does not implicitly {@link etransfer.ServerStatus.verify|verify} messages.
         * @function encode
         * @memberof etransfer.ServerStatus
         * @static
         * @param {etransfer.ServerStatus.$Properties} message ServerStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ServerStatus.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.version);
            if (message.startedMs != null && $Object.hasOwnProperty.call(message, "startedMs") && (typeof message.startedMs === "object" ? message.startedMs.low || message.startedMs.high : message.startedMs !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.startedMs);
            if (message.bytesSent != null && $Object.hasOwnProperty.call(message, "bytesSent") && (typeof message.bytesSent === "object" ? message.bytesSent.low || message.bytesSent.high : message.bytesSent !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.bytesSent);
            if (message.bytesReceived != null && $Object.hasOwnProperty.call(message, "bytesReceived") && (typeof message.bytesReceived === "object" ? message.bytesReceived.low || message.bytesReceived.high : message.bytesReceived !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.bytesReceived);
            if (message.filesSent != null && $Object.hasOwnProperty.call(message, "filesSent") && (typeof message.filesSent === "object" ? message.filesSent.low || message.filesSent.high : message.filesSent !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.filesSent);
            if (message.filesReceived != null && $Object.hasOwnProperty.call(message, "filesReceived") && (typeof message.filesReceived === "object" ? message.filesReceived.low || message.filesReceived.high : message.filesReceived !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.filesReceived);
            if (message.transfersDone != null && $Object.hasOwnProperty.call(message, "transfersDone") && (typeof message.transfersDone === "object" ? message.transfersDone.low || message.transfersDone.high : message.transfersDone !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.transfersDone);
            if (message.transfersFailed != null && $Object.hasOwnProperty.call(message, "transfersFailed") && (typeof message.transfersFailed === "object" ? message.transfersFailed.low || message.transfersFailed.high : message.transfersFailed !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.transfersFailed);
            if (message.activeTransfers != null && $Object.hasOwnProperty.call(message, "activeTransfers") && message.activeTransfers !== 0)
                writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.activeTransfers);
            if (message.errors != null && message.errors.length)
                for (let i = 0; i < message.errors.length; ++i)
                    $root.etransfer.RecentError.encode(message.errors[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ServerStatus message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.ServerStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.ServerStatus & etransfer.ServerStatus.$Shape} ServerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ServerStatus.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.ServerStatus();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.startedMs = value;
                        else
                            delete message.startedMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytesSent = value;
                        else
                            delete message.bytesSent;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.bytesReceived = value;
                        else
                            delete message.bytesReceived;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.filesSent = value;
                        else
                            delete message.filesSent;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.filesReceived = value;
                        else
                            delete message.filesReceived;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.transfersDone = value;
                        else
                            delete message.transfersDone;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.transfersFailed = value;
                        else
                            delete message.transfersFailed;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.activeTransfers = value;
                        else
                            delete message.activeTransfers;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.errors && message.errors.length))
                            message.errors = [];
                        message.errors.push($root.etransfer.RecentError.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ServerStatus;
    })();

    etransfer.RecentError = (function() {

        /**
         * Properties of a RecentError.
         * @typedef {Object} etransfer.RecentError.$Properties
         * @property {number|Long|null} [atMs] RecentError atMs
         * @property {string|null} [code] RecentError code
         * @property {string|null} [message] RecentError message
         * @property {string|null} [scope] RecentError scope
         * @property {string|null} [role] RecentError role
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RecentError.
         * @memberof etransfer
         * @interface IRecentError
         * @augments etransfer.RecentError.$Properties
         * @deprecated Use etransfer.RecentError.$Properties instead.
         */

        /**
         * Shape of a RecentError.
         * @typedef {etransfer.RecentError.$Properties} etransfer.RecentError.$Shape
         */

        /**
         * Constructs a new RecentError.
         * @memberof etransfer
         * @classdesc Represents a RecentError.
         * @constructor
         * @param {etransfer.RecentError.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RecentError = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RecentError atMs.
         * @member {number|Long} atMs
         * @memberof etransfer.RecentError
         * @instance
         */
        RecentError.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * RecentError code.
         * @member {string} code
         * @memberof etransfer.RecentError
         * @instance
         */
        RecentError.prototype.code = "";

        /**
         * RecentError message.
         * @member {string} message
         * @memberof etransfer.RecentError
         * @instance
         */
        RecentError.prototype.message = "";

        /**
         * RecentError scope.
         * @member {string} scope
         * @memberof etransfer.RecentError
         * @instance
         */
        RecentError.prototype.scope = "";

        /**
         * RecentError role.
         * @member {string} role
         * @memberof etransfer.RecentError
         * @instance
         */
        RecentError.prototype.role = "";

        /**
         * Creates a new RecentError instance using the specified properties.
         * @function create
         * @memberof etransfer.RecentError
         * @static
         * @param {etransfer.RecentError.$Properties=} [properties] Properties to set
         * @returns {etransfer.RecentError} RecentError instance
         * @type {{
         *   (properties: etransfer.RecentError.$Shape): etransfer.RecentError & etransfer.RecentError.$Shape;
         *   (properties?: etransfer.RecentError.$Properties): etransfer.RecentError;
         * }}
         */
        RecentError.create = function(properties) {
            return new RecentError(properties);
        };

        /**
         * Encodes the specified RecentError message. Does not implicitly {@link etransfer.RecentError.verify|verify} messages.
         * @function encode
         * @memberof etransfer.RecentError
         * @static
         * @param {etransfer.RecentError.$Properties} message RecentError message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RecentError.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs") && (typeof message.atMs === "object" ? message.atMs.low || message.atMs.high : message.atMs !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.atMs);
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
            if (message.scope != null && $Object.hasOwnProperty.call(message, "scope") && message.scope !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.scope);
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.role);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RecentError message from the specified reader or buffer.
         * @function decode
         * @memberof etransfer.RecentError
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etransfer.RecentError & etransfer.RecentError.$Shape} RecentError
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RecentError.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etransfer.RecentError();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.atMs = value;
                        else
                            delete message.atMs;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.scope = value;
                        else
                            delete message.scope;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return RecentError;
    })();

    return etransfer;
})();

export {
  $root as default
};
