"""Broader groups of pivots, by semantic field: ``group | pivot, pivot, ...``.

Statements about one matter often name different members of a field: one customer
has mice, another rats, a third wants pest control; one asks for snow clearing,
another for gritting. Each pivot belongs to at most one group, and the group becomes
a weaker feature of its own (``h:<group>``), so such statements meet without their
members being treated as the same word. Groups are kept narrow enough that sharing
one says the statements are about the same practical matter.
"""

ROWS = """
pests | pest, mouse, rat, cockroach, insect, trap, bird
winter maintenance | snow, ice, salt, snow clearing, gritting, slippery ice, icicle, winter, slippery, clear
access | key, key card, lock, locked, unlock, secure, access control, intercom, badge, password, gate
visitors | visitor, guest, reception, lobby, register, host, check-in
outdoor care | grass, leaves, tree, lawn mowing, hedge, landscaping, garden, playground, bench, flower, plant
waste handling | waste bin, rubbish, litter, recycling room, compost, container, bin, sort, recycle, throw away, waste, sewage
cleaning work | cleaning, cleaner, window cleaning, floor care, mop, vacuum cleaner, cleaning trolley, clean, dirty, wash, dust, detergent, soap
security | security guard, patrol, burglary, vandalism, burglar alarm, alarm, camera, guard, steal, graffiti
fire safety | fire, fire alarm, fire extinguisher, sprinkler, evacuation, smoke, burn
first aid | first aid, defibrillator, injure, accident, fall
indoor climate | ventilation, air, air conditioning, draught, humidity, indoor climate, temperature, stuffy, heating, radiator, hot, cold, heat, cool, thermostat, radon, mould
lighting | light, lamp, dark, bright, streetlight
water supply | water, tap, drinkable, undrinkable, water pipe, water meter, pipe, drain, blocked drain, leak, water damage, flood, bacteria
vertical transport | lift, escalator, elevator service, stairs
workwear | clothes, uniform, shoes, gloves, helmet, vest, reflective, size, face mask
linen | towel, linen, laundry, mattress, pillow, blanket, bed
hot drinks | coffee, tea, cup, vending machine, milk
drinks | alcohol, bottle, bar, bar staff, serving licence
music and media | music, radio, sound, video, screen, projector, licence
parking | parking, car park, park, vehicle, van, truck, fine, garage, drive
cycling | bicycle, bicycle storage, charger
electric vehicles | electric car, charging station, battery, charge, electricity, socket, cable
public transport | bus, train, ferry, taxi, flight, departure, platform, ticket, ticket machine, timetable, passenger, commute, carpool, ferry crossing, delay, school bus
roads | road, traffic, pothole, road work, street, pavement, path
staffing | sick leave, substitute, rota, staff turnover, recruitment, temp, shift, staffing agency, overtime, working hours, sick, pause
vetting | background check, police, record
wellbeing | wellbeing, stress, staff room, break room, tired, happy, unhappy, bullying
lost items | lost property, lose, find, thing, wallet
storage | locker, changing room, storage room, shelf
signage | signboard, map, route, destination
dogs and animals | dog, animal, livestock, feed
medical supplies | wheelchair, walker, lifting aid, incontinence, dressing, syringe, medicine, prescription, pharmacist, pharmacy
infection control | infection, hand hygiene, disinfection, sterilisation, medical waste, vaccination
site safety | working at height, safety induction
energy supply | power cut, electricity bill, solar panel, wind turbine, heat pump, district heating, gas, oil, grid, substation, power plant, peak load, fuel
weather | weather, rain, wind, storm, drought, flooding
cyber threats | virus, phishing, spam
pay | wage, collective agreement, tax, money, cash
office furniture | desk, chair, office chair, standing desk, desk booking, table, furniture
"""
