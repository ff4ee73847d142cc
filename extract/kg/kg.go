package kg

const extractorName = "kg/1"
